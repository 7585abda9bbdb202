import Synchronization

/// A process-wide lock for tests that must not overlap (the real local engine needs the cores to
/// itself to finish in reasonable time), held across test targets in the one test process.
public final class TestLock: Sendable {
    private struct State {
        var held = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// The lock for tests that need the machine's cores to themselves: the real local engine,
    /// headless Chromium, and load measurements whose figures CPU contention would move.
    public static let cores = TestLock()

    /// The lock for tests that start the real local engine (``cores``).
    public static var localEngine: TestLock { cores }

    /// Runs `body` while holding the lock.
    public func withLock<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = state.withLock { state -> Bool in
                if state.held {
                    state.waiters.append(continuation)
                    return false
                }
                state.held = true
                return true
            }
            if granted { continuation.resume() }
        }
    }

    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiters.isEmpty else {
                state.held = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
