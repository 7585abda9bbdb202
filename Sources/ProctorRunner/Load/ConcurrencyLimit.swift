import Synchronization

/// At most `limit` holders at once; others wait in arrival order. Used by the open loop's
/// dispatcher so that it can use a discarding task group (finished requests are freed at once).
final class ConcurrencyLimit: Sendable {
    private struct State {
        var available: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
        var nextWaiter = 0
    }

    private let state: Mutex<State>

    init(_ limit: Int) {
        state = Mutex(State(available: limit))
    }

    /// Waits for a free place and takes it.
    func acquire() async {
        let acquired = state.withLock { state -> Bool in
            guard state.available > 0 else { return false }
            state.available -= 1
            return true
        }
        if acquired { return }
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                if state.available > 0 {
                    state.available -= 1
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Gives a place back, to the longest waiter if there is one.
    func release() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.nextWaiter < state.waiters.count else {
                state.available += 1
                return nil
            }
            let next = state.waiters[state.nextWaiter]
            state.nextWaiter += 1
            if state.nextWaiter > 1024, state.nextWaiter * 2 > state.waiters.count {
                state.waiters.removeFirst(state.nextWaiter)
                state.nextWaiter = 0
            }
            return next
        }
        waiter?.resume()
    }
}
