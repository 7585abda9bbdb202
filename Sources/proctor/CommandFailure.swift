import ArgumentParser
import ProctorCore
import ProctorRunner
import ProctorStore
import Synchronization

/// Runs a command body, turning every error into a message on standard error and the exit status
/// its code calls for.
func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        let failure = storeFault(error) ?? error
        if let failure = failure as? any ProctorFailure {
            Terminal.error(failure.description)
            throw ExitCode(ExitStatus.of(failure.code))
        }
        Terminal.error(String(describing: failure))
        throw ExitCode(ExitStatus.failure)
    }
}

/// A SQLite failure of the store this process opened (a full disk, a read-only file), also where
/// a run failed on it and then could not record that it had, said with the store's path.
private func storeFault(_ error: any Error) -> StoreError? {
    guard let path = StoreOptions.opened.withLock({ $0 }) else { return nil }
    return StoreError.fault(error, path: path) ?? (error as? RunFailure).flatMap { StoreError.fault($0.underlying, path: path) }
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
