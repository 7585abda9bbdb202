import Foundation

/// Runs one step of an install or a conversion (pip, a Python script) to completion with its
/// output in a log file, and turns a failure into a ``TrainerFailure`` that quotes the log's end.
enum LoggedProcess {
    /// Runs `command` (an absolute executable and its arguments) with `environment` added to
    /// Proctor's own, writing standard output and error to `log`.
    static func run(_ command: [String], environment: [String: String] = [:], log: URL, what: String? = nil) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        try FileManager.default.createDirectory(at: log.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        let status: Int32 = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do { try process.run() } catch { continuation.resume(throwing: error) }
            }
        } onCancel: {
            process.interrupt()
        }
        try Task.checkCancellation()
        guard status == 0 else {
            throw TrainerFailure(
                status: status, message: what ?? "`\(command.joined(separator: " "))` failed",
                logTail: TrainerDriver.tail(of: log, lines: 20), logFile: log.path)
        }
    }
}
