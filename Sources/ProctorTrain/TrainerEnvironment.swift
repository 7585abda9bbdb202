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
    }

    /// Where adapters, their training data and the exported base models are kept.
    public let adapters: URL

    /// The interpreter.
    public var python: URL { root.appendingPathComponent("bin/python") }
    private var marker: URL { root.appendingPathComponent("proctor-installed") }

    /// Whether the packages are installed.
    public var isInstalled: Bool { FileManager.default.fileExists(atPath: marker.path) }

    /// The bundled trainer script.
    public static func script() throws(ProctorError) -> String {
        guard let url = Bundle.module.url(forResource: "train_lora", withExtension: "py") else {
            throw ProctorError.badInput("Proctor's trainer script is missing from its resources", hint: "reinstall Proctor")
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
        try await step(["/usr/bin/env", "python3", "-m", "venv", root.path], log: log)
        progress("installing \(Self.packages.joined(separator: " ")) (about 1.5 GB, once)")
        try await step([root.appendingPathComponent("bin/pip").path, "install", "--disable-pip-version-check", "-q"] + Self.packages, log: log)
        _ = FileManager.default.createFile(atPath: marker.path, contents: Data(Self.packages.joined(separator: "\n").utf8))
    }

    private func step(_ command: [String], log: URL) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        guard status == 0 else {
            throw TrainerFailure(
                status: status, message: "`\(command.joined(separator: " "))` failed", logTail: TrainerDriver.tail(of: log, lines: 20),
                logFile: log.path)
        }
    }
}
