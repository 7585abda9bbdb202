public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `llama-server` left running by `proctor engine start`, recorded in `server.json`.
public struct DetachedServer: Codable, Sendable, Hashable {
    /// Its process id.
    public var pid: Int32
    /// Its port on 127.0.0.1.
    public var port: Int
    /// When it was started.
    public var startedAt: Date

    /// The recorded server, if one was recorded.
    public static func load(_ paths: EnginePaths) -> DetachedServer? {
        guard let data = FileManager.default.contents(atPath: paths.serverState.path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(DetachedServer.self, from: data)
    }

    /// Whether its process is still running.
    public var isRunning: Bool { LocalEngine.isAlive(pid: pid) }

    /// Whether it answers its health check.
    public func isHealthy() async -> Bool { await HealthProbe.isHealthy(port: port) }
}

extension LocalEngine {
    /// Starts a server that outlives this process (detached from the terminal), waits until it
    /// is healthy, and records it so `--model local` and `engine stop` find it.
    public func startDetached(parallel: Int = 4, contextPerSlot: Int = 4096) async throws -> DetachedServer {
        if let running = DetachedServer.load(paths), running.isRunning {
            throw EngineError("a local engine is already running (pid \(running.pid), port \(running.port))",
                hint: "stop it first with: proctor engine stop")
        }
        let port = try FreePort.find()
        let arguments = serverArguments(port: port, parallel: parallel, contextPerSlot: contextPerSlot)
        let script = "exec setsid nohup \"$0\" \"$@\" > '\(paths.serverLog.path)' 2>&1 < /dev/null & echo $!"
        guard let output = await ProcessRunner.output("/bin/sh", ["-c", script, manifest.serverBinary] + arguments),
            let pid = Int32(output)
        else {
            throw EngineError("could not launch \(manifest.serverBinary)", hint: "check that setsid and nohup exist")
        }
        let server = DetachedServer(pid: pid, port: port, startedAt: Date())
        guard try await HealthProbe.waitUntilHealthy(port: port, timeout: startTimeout, stillRunning: { Self.isAlive(pid: pid) })
        else {
            kill(pid, SIGTERM)
            throw EngineError("llama-server did not become healthy on 127.0.0.1:\(port)", hint: "its log is \(paths.serverLog.path)")
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(server).write(to: paths.serverState)
        return server
    }

    /// Stops the recorded server; returns it, or `nil` when none was running.
    @discardableResult
    public static func stopDetached(paths: EnginePaths = .default()) async throws -> DetachedServer? {
        defer { try? FileManager.default.removeItem(at: paths.serverState) }
        guard let server = DetachedServer.load(paths), server.isRunning else { return nil }
        kill(server.pid, SIGTERM)
        for _ in 0..<50 where server.isRunning {
            try await Task.sleep(for: .milliseconds(100))
        }
        if server.isRunning { kill(server.pid, SIGKILL) }
        return server
    }
}
