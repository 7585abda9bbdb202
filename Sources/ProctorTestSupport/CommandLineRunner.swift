public import Foundation

/// Runs the built `proctor` executable for command-line tests.
public struct CommandLineRunner: Sendable {
    /// What one invocation produced.
    public struct Output: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
    }

    /// The executable: `$PROCTOR_BIN`, else `.build/debug/proctor` in this checkout.
    public let executable: URL

    /// Locates the executable from the test file's path.
    public init(testFile: String = #filePath) {
        if let override = ProcessInfo.processInfo.environment["PROCTOR_BIN"] {
            executable = URL(fileURLWithPath: override)
        } else {
            var root = URL(fileURLWithPath: testFile)
            while root.pathComponents.count > 1, !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
                root.deleteLastPathComponent()
            }
            executable = root.appendingPathComponent(".build/debug/proctor")
        }
    }

    /// Starts `proctor arguments…` with output captured to files; the caller waits or signals it.
    public func start(_ arguments: [String], directory: URL, environment: [String: String] = [:]) throws -> RunningCommand {
        let process = Process()
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return RunningCommand(process: process, stdoutFile: out, stderrFile: err)
    }

    /// Runs `proctor arguments…` to completion.
    public func run(_ arguments: [String], directory: URL, environment: [String: String] = [:]) async throws -> Output {
        let running = try start(arguments, directory: directory, environment: environment)
        return await running.wait()
    }
}

/// A `proctor` process started by ``CommandLineRunner``.
public struct RunningCommand: @unchecked Sendable {
    let process: Process
    let stdoutFile: URL
    let stderrFile: URL

    /// The process id.
    public var pid: Int32 { process.processIdentifier }

    /// Sends `signal` to the process.
    public func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Polls `condition` every 20 ms until it holds, the process ends or `timeout` passes, and says whether it held.
    ///
    /// Tests that act on a process mid-run wait on what it has stored, not on a fixed number of polls: on a loaded
    /// two-core CI machine the process may take many seconds to start.
    public func waitUntil(timeout: Duration = .seconds(120), _ condition: () async throws -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if (try? await condition()) == true { return true }
            if !process.isRunning { return (try? await condition()) == true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// Waits for the process to end and returns what it printed.
    public func wait() async -> CommandLineRunner.Output {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        let stdout = (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
        return CommandLineRunner.Output(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}

/// A fresh temporary folder, removed when the test ends.
public func withTemporaryDirectory<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}
