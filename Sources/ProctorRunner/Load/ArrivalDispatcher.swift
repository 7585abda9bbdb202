import CProctorScheduling
import NIOCore
import NIOPosix

/// Fires open-loop arrivals on time, from a thread of its own.
///
/// Each arrival is a timer at its absolute time (`start + offset`) on a dedicated event loop, and
/// `send` runs right there, so the request leaves without first waiting for a turn on the Swift
/// concurrency pool that is busy reading responses. The thread asks the kernel for a short time
/// slice (``proctor_request_short_slice``): on a machine whose cores are all busy it then
/// preempts other threads when it wakes instead of queueing behind them. With a concurrency cap,
/// an arrival that finds no free place waits in FIFO order for ``release()``, and that wait is
/// the lateness the report shows.
final class ArrivalDispatcher: Sendable {
    /// The slice asked for: the scheduler's minimum.
    static let slice: UInt64 = 100_000

    private struct State {
        var next = 0
        var inFlight = 0
        var waiting = CircularBuffer<Int>()
        var timer: Scheduled<Void>?
        var done = false
    }

    /// The thread it owns, unless it was given a loop.
    private let group: MultiThreadedEventLoopGroup?
    private let loop: any EventLoop
    private let state: NIOLoopBoundBox<State>
    private let offsets: [Double]
    private let start: NIODeadline
    private let maxConcurrency: Int
    private let send: @Sendable (Int) -> Void
    private let finished: @Sendable () -> Void

    /// A dispatcher for arrivals at `offsets` seconds after `start`. `send(index)` runs on the
    /// dispatcher's loop at each arrival's time (or when a place frees up); `finished` runs once,
    /// after the last arrival was sent or after ``stop()``. Without `loop` it runs on a thread of
    /// its own; tests pass a loop whose clock they move by hand.
    init(
        offsets: [Double], start: NIODeadline, maxConcurrency: Int?, on loop: (any EventLoop)? = nil,
        send: @escaping @Sendable (Int) -> Void, finished: @escaping @Sendable () -> Void
    ) {
        if let loop {
            group = nil
            self.loop = loop
        } else {
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            self.group = group
            self.loop = group.next()
        }
        state = .makeBoxSendingValue(State(), eventLoop: self.loop)
        self.offsets = offsets
        self.start = start
        self.maxConcurrency = maxConcurrency ?? .max
        self.send = send
        self.finished = finished
    }

    /// Starts firing arrivals.
    func run() {
        let ownsThread = group != nil
        loop.execute { [self] in
            // Best effort: where the kernel has no such request the dispatcher still works, only
            // with the ordinary wake-up latency.
            if ownsThread { _ = proctor_request_short_slice(Self.slice) }
            scheduleNext()
        }
    }

    /// Says that one request ended, so a waiting arrival may go.
    func release() {
        loop.execute { [self] in
            state.value.inFlight -= 1
            if !state.value.done, let index = state.value.waiting.popFirst() { dispatch(index) }
            finishIfDone()
        }
    }

    /// Stops sending; arrivals not yet sent are dropped.
    func stop() {
        loop.execute { [self] in
            state.value.timer?.cancel()
            state.value.waiting.removeAll()
            state.value.next = offsets.count
            finishIfDone()
        }
    }

    /// Ends the dispatcher's own thread.
    func shutdown() async {
        try? await group?.shutdownGracefully()
    }

    /// Fires every arrival that is due and sets a timer for the next one.
    private func scheduleNext() {
        while state.value.next < offsets.count {
            let due = start + .nanoseconds(Int64((offsets[state.value.next] * 1e9).rounded()))
            guard due <= loop.now else {
                state.value.timer = loop.scheduleTask(deadline: due) { [self] in
                    fire()
                    scheduleNext()
                }
                return
            }
            fire()
        }
        finishIfDone()
    }

    private func fire() {
        let index = state.value.next
        state.value.next += 1
        if state.value.inFlight < maxConcurrency {
            dispatch(index)
        } else {
            state.value.waiting.append(index)
        }
    }

    private func dispatch(_ index: Int) {
        state.value.inFlight += 1
        send(index)
    }

    private func finishIfDone() {
        guard !state.value.done, state.value.next >= offsets.count, state.value.waiting.isEmpty else { return }
        state.value.done = true
        finished()
    }
}
