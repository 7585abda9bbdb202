import NIOCore
import NIOPosix
import Synchronization

/// Thrown by ``withDeadline(_:operation:)`` when the deadline passes first.
struct DeadlineExceeded: Error {}

/// Runs `operation`, cancelling it and throwing ``DeadlineExceeded`` if `deadline` passes first.
///
/// The deadline is a timer on a NIO event loop, cancelled (and freed) as soon as the operation
/// ends. A racing `Task.sleep` would do the same job, but a cancelled sleep keeps its timer until
/// the deadline, so a long load test with a 10-minute timeout grew by about 1 KB per request.
func withDeadline<T: Sendable>(
    _ deadline: ContinuousClock.Instant, operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let remaining = deadline - .now
    guard remaining > .zero else { throw DeadlineExceeded() }
    let state = DeadlineState()
    let work = Task { try await operation() }
    let parts = remaining.components
    let nanoseconds = parts.seconds.multipliedReportingOverflow(by: 1_000_000_000)
    let delay = nanoseconds.overflow ? Int64.max : nanoseconds.partialValue &+ parts.attoseconds / 1_000_000_000
    let timer = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: .nanoseconds(delay)) {
        state.expire()
        work.cancel()
    }
    defer { timer.cancel() }
    do {
        return try await withTaskCancellationHandler {
            try await work.value
        } onCancel: {
            work.cancel()
        }
    } catch {
        if state.hasExpired { throw DeadlineExceeded() }
        throw error
    }
}

/// Whether a deadline's timer fired.
private final class DeadlineState: Sendable {
    private let expired = Atomic<Bool>(false)

    func expire() { expired.store(true, ordering: .releasing) }
    var hasExpired: Bool { expired.load(ordering: .acquiring) }
}
