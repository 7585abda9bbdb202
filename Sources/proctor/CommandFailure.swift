import ArgumentParser
import Foundation
import ProctorBenchmarks
import ProctorClient
import ProctorCore
import ProctorEngine
import ProctorStore

/// Runs a command body, turning every error into a message on standard error and the exit code
/// the error's category calls for.
func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        let failure = ProctorError.classify(error)
        Terminal.error(failure.description)
        throw ExitCode(failure.exitCode)
    }
}

extension ProctorError {
    /// The user-facing form of any error Proctor's libraries throw.
    static func classify(_ error: any Error) -> ProctorError {
        switch error {
        case let error as ProctorError: error
        case let error as DatasetError: .badInput(error.description)
        case let error as CatalogError: .badInput(error.message)
        case let error as TaskScorerError: .badInput(error.description)
        case let error as EndpointError: .badInput(error.message)
        case let error as EngineError: .failed(error.message, hint: error.hint)
        case let error as StoreError: .failed(error.message)
        case let error as SimulatorError: .failed(error.message)
        case let error as CompletionError where error.kind == .connection || error.kind == .timeout:
            .unreachable(error.message)
        default: .failed(String(describing: error))
        }
    }
}
