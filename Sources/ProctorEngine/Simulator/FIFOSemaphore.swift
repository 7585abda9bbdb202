import Synchronization

/// A counting semaphore with a strict FIFO queue: the simulator's generation slots.
final class FIFOSemaphore: Sendable {
    private struct State {
        var free: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
        var head = 0
        var busy = 0
        var peakBusy = 0
    }

    private let state: Mutex<State>

    /// Creates a semaphore with `slots` places (at least one).
    init(slots: Int) {
        state = Mutex(State(free: max(1, slots)))
    }

    /// Waits (first come, first served) until a slot is free, and takes it.
    func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = state.withLock { state -> Bool in
                if state.free > 0, state.head == state.waiters.count {
                    state.free -= 1
                    state.busy += 1
                    state.peakBusy = max(state.peakBusy, state.busy)
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if granted { continuation.resume() }
        }
    }

    /// Gives a slot back, handing it straight to the longest waiter if there is one.
    func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.head < state.waiters.count {
                let waiter = state.waiters[state.head]
                state.head += 1
                if state.head > 1024, state.head * 2 > state.waiters.count {
                    state.waiters.removeFirst(state.head)
                    state.head = 0
                }
                return waiter
            }
            state.free += 1
            state.busy -= 1
            return nil
        }
        next?.resume()
    }

    /// The most slots ever busy at once.
    var peakBusy: Int { state.withLock { $0.peakBusy } }
}
