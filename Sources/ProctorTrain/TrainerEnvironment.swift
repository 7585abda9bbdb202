public import Foundation
public import ProctorCore
import ProctorEngine

/// The managed Python environment the trainer runs in, under the cache folder, with pinned
/// packages (torch's CPU wheel, transformers, PEFT, TRL): installed on first use with progress,
/// as the local engine is, and never touched by hand.
public struct TrainerEnvironment: Sendable {
    /// The pinned packages. `torch` is pinned so that pip takes the CPU wheel this machine kind
    /// finds (an unpinned `torch` from PyPI pulls a CUDA build of several GB).
    public static let packages = [
        "torch==2.13.0", "transformers==5.24.*", "peft==0.21.*", "trl==1.16.*", "gguf==0.19.*", "accelerate", "datasets",
        "sentencepiece",
    ]

    /// The environment's folder.
    public let root: URL

    /// The environment under Proctor's cache folder (the one the local engine uses).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let cache = EnginePaths.cacheFolder(environment: environment)
        root = cache.appendingPathComponent("trainer-torch-2.13")
        adapters = cache.appendingPathComponent("adapters")
        converter = cache.appendingPathComponent("llama.cpp-converter")
    }

    /// Where adapters, their training data and the exported base models are kept.
    public let adapters: URL

    /// llama.cpp's LoRA-to-GGUF converter, fetched from the engine's own source package.
    public let converter: URL

    /// The interpreter.
    public var python: URL { root.appendingPathComponent("bin/python") }
    private var marker: URL { root.appendingPathComponent("proctor-installed") }

    /// Whether the packages are installed.
    public var isInstalled: Bool { FileManager.default.fileExists(atPath: marker.path) }

    /// The bundled trainer script.
    public static func script() throws(ProctorError) -> String {
        try resource("train_lora")
    }

    /// A bundled Python script's path.
    static func resource(_ name: String) throws(ProctorError) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "py") else {
            throw ProctorError.badInput("Proctor's \(name).py is missing from its resources", hint: "reinstall Proctor")
        }
        return url.path
    }

    /// Installs what is missing (about 1.5 GB; about a minute here), reporting each step.
    ///
    /// - Throws: ``TrainerFailure`` with the end of pip's log when a step fails.
    public func install(progress: @escaping @Sendable (String) -> Void) async throws {
        if isInstalled { return }
        try FileManager.default.createDirectory(at: root.deletingLastPathComponent(), withIntermediateDirectories: true)
        let log = root.deletingLastPathComponent().appendingPathComponent("trainer-install.log")
        progress("creating the trainer's Python environment in \(root.path)")
        try await LoggedProcess.run(["/usr/bin/env", "python3", "-m", "venv", root.path], log: log)
        progress("installing \(Self.packages.joined(separator: " ")) (about 1.5 GB, once)")
        try await LoggedProcess.run(
            [root.appendingPathComponent("bin/pip").path, "install", "--disable-pip-version-check", "-q"] + Self.packages, log: log)
        _ = FileManager.default.createFile(atPath: marker.path, contents: Data(Self.packages.joined(separator: "\n").utf8))
    }
}
