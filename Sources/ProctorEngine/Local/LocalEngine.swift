import Foundation
public import ProctorClient
import Subprocess
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// The bundled local engine: SmolLM2-135M-Instruct on llama.cpp's `llama-server`, on a free
/// loopback port, health-checked, and stopped when its scope ends.
///
/// ```swift
/// let engine = try await LocalEngine.installed(progress: { print($0) })
/// try await engine.withServer(parallel: 2) { endpoint in … }
/// ```
public struct LocalEngine: Sendable {
    /// Where the engine lives.
    public let paths: EnginePaths
    /// What is installed.
    public let manifest: EngineManifest
    /// How long the model may take to load. Default 120 s.
    public var startTimeout: Duration = .seconds(120)
    /// A LoRA adapter in GGUF form that the server applies to every request (`--lora`).
    public var loraAdapter: String?

    /// An engine from an existing installation.
    public init(paths: EnginePaths, manifest: EngineManifest) {
        self.paths = paths
        self.manifest = manifest
    }

    /// The installed engine, installing it first if needed.
    public static func installed(
        paths: EnginePaths = .default(), progress: @escaping @Sendable (String) -> Void
    ) async throws -> LocalEngine {
        if let manifest = EngineManifest.load(paths) { return LocalEngine(paths: paths, manifest: manifest) }
        progress("the local engine is not installed yet; installing it (once) into \(paths.root.path)")
        let manifest = try await EngineInstaller(paths: paths).install(progress: progress)
        return LocalEngine(paths: paths, manifest: manifest)
    }

    /// The endpoint of a server on `port`.
    public func endpoint(port: Int) -> Endpoint {
        // The URL is built from constants and a port number, so it is always valid.
        (try? Endpoint(baseURL: "http://127.0.0.1:\(port)/v1", model: manifest.modelName))!
    }

    /// `llama-server` arguments for `parallel` slots of `contextPerSlot` tokens each. Worker threads
    /// sleep rather than spin while they wait (`--poll 0`): as fast alone, and it keeps generation
    /// from collapsing when the cores are shared (measured here: under 1 token/s with spinning
    /// threads and a busy machine, against ~50 alone).
    func serverArguments(port: Int, parallel: Int, contextPerSlot: Int) -> [String] {
        [
            "--model", manifest.modelFile, "--host", "127.0.0.1", "--port", String(port),
            "--parallel", String(parallel), "--ctx-size", String(parallel * contextPerSlot),
            "--threads", String(ProcessInfo.processInfo.activeProcessorCount), "--poll", "0", "--no-webui",
        ] + (loraAdapter.map { ["--lora", $0] } ?? [])
    }

    /// Starts a server, runs `body` with its endpoint, and stops the server however `body` ends
    /// (cancellation and Ctrl-C included).
    public func withServer<Result: Sendable>(
        parallel: Int = 2, contextPerSlot: Int = 4096, _ body: (Endpoint) async throws -> Result
    ) async throws -> Result {
        try await withServerProcess(parallel: parallel, contextPerSlot: contextPerSlot) { endpoint, _ in try await body(endpoint) }
    }

    /// Starts a server and runs `body` with its endpoint and process id (for the resource
    /// monitor), stopping the server however `body` ends.
    public func withServerProcess<Result: Sendable>(
        parallel: Int = 2, contextPerSlot: Int = 4096, _ body: (Endpoint, Int32) async throws -> Result
    ) async throws -> Result {
        let port = try FreePort.find()
        let log = try FileDescriptor.open(
            FilePath(paths.serverLog.path), .writeOnly, options: [.create, .truncate], permissions: [.ownerReadWrite, .groupRead, .otherRead])
        let errorLog = try FileDescriptor.open(FilePath(paths.serverLog.path), .writeOnly, options: [.append])
        let outcome = try await Subprocess.run(
            .path(FilePath(manifest.serverBinary)),
            arguments: Arguments(serverArguments(port: port, parallel: parallel, contextPerSlot: contextPerSlot)),
            input: .none, output: .fileDescriptor(log, closeAfterSpawningProcess: true),
            error: .fileDescriptor(errorLog, closeAfterSpawningProcess: true)
        ) { execution -> Swift.Result<Result, any Error> in
            let pid = execution.processIdentifier.value
            do {
                let healthy = try await HealthProbe.waitUntilHealthy(port: port, timeout: startTimeout) {
                    Self.isAlive(pid: pid)
                }
                guard healthy else {
                    throw EngineError(
                        "llama-server did not become healthy on 127.0.0.1:\(port)", hint: "its log is \(paths.serverLog.path)")
                }
                let result = try await body(endpoint(port: port), pid)
                try? execution.send(signal: .terminate)
                return .success(result)
            } catch {
                try? execution.send(signal: .terminate)
                return .failure(error)
            }
        }
        return try outcome.closureResult.get()
    }

    /// Whether process `pid` exists and has not exited.
    static func isAlive(pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }
}
