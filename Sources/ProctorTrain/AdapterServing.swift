import Foundation
public import ProctorCore
public import ProctorEngine
import ProctorBenchmarks

extension AdapterRegistry {
    /// The GGUF file of adapter `name` for the local engine `engine`, converting it first when it
    /// has not been (or its file is gone).
    ///
    /// - Throws: ``ProctorError/badInput(_:hint:)`` for an unknown name or an adapter trained on
    ///   another base than the engine's model; ``TrainerFailure`` when conversion fails.
    public func servable(
        _ name: String, engine: LocalEngine, converter: AdapterConverter = AdapterConverter(),
        progress: @escaping @Sendable (String) -> Void
    ) async throws -> ServedAdapter {
        var adapter = try lookup(name)
        let model = URL(fileURLWithPath: engine.manifest.modelFile)
        let modelSHA256 = FileDigest.sha256(try Data(contentsOf: model, options: .mappedIfSafe))
        guard adapter.baseSHA256 == modelSHA256 else {
            throw ProctorError.badInput(
                "adapter '\(name)' was trained on \(adapter.base) (sha256 \(adapter.baseSHA256.prefix(16))…), "
                    + "not on the local engine's \(engine.manifest.modelName) (sha256 \(modelSHA256.prefix(16))…)",
                hint: "serve it beside its own base, e.g. vLLM --enable-lora --lora-modules \(name)=\(adapter.peftPath)")
        }
        if let served = adapter.served, FileManager.default.fileExists(atPath: served.path) { return served }
        let converted = try await converter.convert(
            adapter: URL(fileURLWithPath: adapter.peftPath), base: URL(fileURLWithPath: adapter.baseFolder),
            to: folder(name).appendingPathComponent("adapter.gguf"), progress: progress)
        adapter.served = converted
        try register(adapter)
        return converted
    }
}
