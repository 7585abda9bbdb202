import UnixSignals

/// Ctrl-C arrived while an interruptible operation ran.
struct Interrupted: Error {}

/// Runs `operation`; on SIGINT or SIGTERM cancels it, waits for it to wind down, and throws
/// ``Interrupted``.
func interruptible<Result: Sendable>(_ operation: @escaping @Sendable () async throws -> Result) async throws -> Result {
    let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
    return try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            for await _ in signals { return nil }
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            group.cancelAll()
            while (try? await group.next()) != nil {}
            throw Interrupted()
        }
        return value
    }
}
