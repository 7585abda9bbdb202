import Foundation
import Subprocess
import SystemPackage

/// Runs set-up commands, appending their output to a log and passing each line to a callback.
enum ProcessRunner {
    /// Runs `executable` with `arguments`; returns its exit code (or 128 + signal).
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], log: FileHandle?,
        onLine: @Sendable (String) -> Void = { _ in }
    ) async throws -> Int32 {
        let updates = Dictionary(uniqueKeysWithValues: environment.map { (Environment.Key(rawValue: $0.key)!, Optional($0.value)) })
        let result = try await Subprocess.run(
            .path(FilePath(executable)), arguments: Arguments(arguments), environment: .inherit.updating(updates),
            input: .none, output: .sequence, error: .combinedWithOutput
        ) { execution in
            for try await line in execution.standardOutput.strings() {
                log?.write(Data((line + "\n").utf8))
                onLine(line)
            }
        }
        switch result.terminationStatus {
        case .exited(let code): return code
        case .signaled(let signal): return 128 + signal
        }
    }

    /// Runs a command and returns its trimmed standard output, or `nil` if it failed.
    static func output(_ executable: String, _ arguments: [String]) async -> String? {
        guard
            let result = try? await Subprocess.run(
                .path(FilePath(executable)), arguments: Arguments(arguments), output: .string(limit: 1 << 20)),
            result.terminationStatus.isSuccess
        else { return nil }
        return result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
