import NIOCore
import NIOEmbedded
import ProctorCore
@testable import ProctorRunner
import Synchronization
import Testing

/// The open-loop dispatcher on a loop whose clock the test moves by hand. Serialized: tens of
/// thousands of timers at once would crowd the timing tests that run beside these on two cores.
@Suite("Arrival dispatcher on an injected clock", .serialized)
struct ArrivalDispatcherTests {
    /// What a dispatcher did: each send with the loop's time, and how often it finished.
    final class Trace: Sendable {
        let sends = Mutex<[(index: Int, at: NIODeadline)]>([])
        let finishes = Atomic<Int>(0)
    }

    func dispatcher(
        _ offsets: [Double], on loop: NIOAsyncTestingEventLoop, start: NIODeadline, maxConcurrency: Int? = nil
    ) -> (ArrivalDispatcher, Trace) {
        let trace = Trace()
        let dispatcher = ArrivalDispatcher(
            offsets: offsets, start: start, maxConcurrency: maxConcurrency, on: loop,
            send: { index in trace.sends.withLock { $0.append((index, loop.now)) } },
            finished: { trace.finishes.wrappingAdd(1, ordering: .relaxed) })
        return (dispatcher, trace)
    }

    /// Arrival processes with the variance of their gaps at 1,000 per second: Poisson 1/rate²,
    /// gamma with shape K 1/(rate²·K), constant none.
    static let processes: [(ArrivalProcess, Double)] = [
        (.poisson, 1e-6), (.gamma(burstiness: 0.5), 2e-6), (.gamma(burstiness: 4), 0.25e-6), (.constant, 0),
    ]

    @Test(
        "10,000 arrivals are each sent at exactly their time; the gaps have the process's mean and variance",
        arguments: processes)
    func onSchedule(process: ArrivalProcess, gapVariance: Double) async {
        let loop = NIOAsyncTestingEventLoop()
        let start = loop.now
        let rate = 1_000.0
        var generator = SplitMix64(seed: 7)
        let offsets = process.offsets(count: 10_000, rate: rate, using: &generator)
        let (dispatcher, trace) = dispatcher(offsets, on: loop, start: start)
        dispatcher.run()
        await loop.advanceTime(by: .seconds(5))
        let halfway = trace.sends.withLock { $0.count }
        #expect(halfway > 4_000 && halfway < 6_000, "about half are due after 5 of 10 s, got \(halfway)")
        #expect(trace.finishes.load(ordering: .relaxed) == 0)
        await loop.advanceTime(by: .seconds(10))

        let sends = trace.sends.withLock { $0 }
        #expect(sends.map(\.index) == Array(0..<10_000))
        // One expectation for all 10,000: a loop of expectations would hold a thread of the
        // concurrency pool for a second, and the timing tests running beside this one with it.
        let offSchedule = sends.filter { $0.at != start + .nanoseconds(Int64((offsets[$0.index] * 1e9).rounded())) }
        #expect(offSchedule.isEmpty, "\(offSchedule.count) arrivals were not sent at their time, first \(offSchedule.first.map(\.index) ?? -1)")
        let gaps = zip(sends.dropFirst(), sends).map { Double(($0.at - $1.at).nanoseconds) / 1e9 }
        let mean = gaps.reduce(0, +) / Double(gaps.count)
        let variance = gaps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(gaps.count - 1)
        #expect(abs(mean - 1 / rate) < 0.05 / rate)
        #expect(abs(variance - gapVariance) <= 0.1 * gapVariance + 1e-12, "variance \(variance), expected \(gapVariance)")
        #expect(trace.finishes.load(ordering: .relaxed) == 1)
        await loop.shutdownGracefully()
    }

    @Test("with a cap, arrivals wait in order for a free place and go the moment one is released")
    func capIsFIFO() async throws {
        let loop = NIOAsyncTestingEventLoop()
        let start = loop.now
        let (dispatcher, trace) = dispatcher([0.1, 0.2, 0.3, 0.4], on: loop, start: start, maxConcurrency: 2)
        dispatcher.run()
        await loop.advanceTime(by: .seconds(1))
        #expect(trace.sends.withLock { $0.map(\.index) } == [0, 1])

        dispatcher.release()
        await loop.advanceTime(by: .milliseconds(250))
        let third = try #require(trace.sends.withLock { $0.last })
        #expect(third.index == 2)
        #expect(third.at == start + .milliseconds(1_000), "sent on release, 0.7 s late, not at its own time")
        #expect(trace.finishes.load(ordering: .relaxed) == 0)

        dispatcher.release()
        await loop.run()
        #expect(trace.sends.withLock { $0.map(\.index) } == [0, 1, 2, 3])
        #expect(trace.finishes.load(ordering: .relaxed) == 1)
        await loop.shutdownGracefully()
    }

    @Test("stop drops the arrivals not yet sent and finishes once")
    func stopFinishesOnce() async {
        let loop = NIOAsyncTestingEventLoop()
        let (dispatcher, trace) = dispatcher([0.1, 0.2, 5, 6], on: loop, start: loop.now)
        dispatcher.run()
        await loop.advanceTime(by: .seconds(1))
        dispatcher.stop()
        dispatcher.stop()
        await loop.advanceTime(by: .seconds(10))
        #expect(trace.sends.withLock { $0.map(\.index) } == [0, 1])
        #expect(trace.finishes.load(ordering: .relaxed) == 1)
        await loop.shutdownGracefully()
    }

    @Test("arrivals already due go at once, in order, without piling up the stack")
    func overdueArrivals() async {
        let loop = NIOAsyncTestingEventLoop()
        let start = loop.now - .seconds(100)
        let (dispatcher, trace) = dispatcher(Array(repeating: 0, count: 20_000), on: loop, start: start)
        dispatcher.run()
        await loop.run()
        #expect(trace.sends.withLock { $0.count } == 20_000)
        #expect(trace.finishes.load(ordering: .relaxed) == 1)
        await loop.shutdownGracefully()
    }
}
