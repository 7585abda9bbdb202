import ArgumentParser
import ProctorCore

/// Runs a command body, turning every error into a message on standard error and the exit status
/// its code calls for.
func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch let failure as any ProctorFailure {
        Terminal.error(failure.description)
        throw ExitCode(ExitStatus.of(failure.code))
    } catch {
        Terminal.error(String(describing: error))
        throw ExitCode(ExitStatus.failure)
    }
}

/// The one place error codes become process exit statuses: 0 ok, 1 a gate or a dependency
/// failed, 2 bad usage or input, 3 target unreachable (130 interrupted is Ctrl-C's own).
enum ExitStatus {
    /// A failure with no more specific status.
    static let failure: Int32 = 1

    /// The exit status for `code`.
    static func of(_ code: ErrorCode) -> Int32 {
        switch code {
        case .badInput: 2
        case .unreachable: 3
        case .gateFailed, .dependencyFailed, .storeFailed: 1
        default: failure
        }
    }
}
