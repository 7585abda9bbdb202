import Foundation
public import ProctorCore
import Synchronization

/// Runs a ``ResourceSampler`` on a thread of its own at a fixed interval, so that sampling never
/// takes a turn on the cooperative pool the load generator schedules on, and hands each sample to
/// an async stream that a writer drains into the store.
///
/// ```swift
/// let recorder = try MonitorRecorder(sampler: ResourceSampler(configuration: configuration))
/// let writer = Task { for await sample in recorder.samples { try await store.record(sample, runId: id) } }
/// … run the test …
/// recorder.stop(); try await writer.value
/// ```
public final class MonitorRecorder: Sendable {
    /// Samples as they are taken; finishes after ``stop()``.
    public let samples: AsyncStream<ResourceSample>
    /// Errors the sampler met (a vanished /proc), as text; sampling goes on.
    public var problems: [String] { state.withLock { $0.problems } }

    private struct State {
        var stopped = false
        var problems: [String] = []
    }

    private let state = Mutex(State())
    private let wake = NSCondition()
    private let finished = NSCondition()
    private let done = Mutex(false)

    /// Starts sampling at once on a new thread; the first sample arrives one interval later.
    public init(sampler: sending ResourceSampler) {
        let (stream, continuation) = AsyncStream.makeStream(of: ResourceSample.self, bufferingPolicy: .unbounded)
        samples = stream
        let interval = sampler.configuration.interval
        let box = SamplerBox(sampler)
        let thread = Thread { [self] in
            self.loop(box.sampler, interval: interval, continuation: continuation)
        }
        thread.name = "proctor-monitor"
        thread.start()
    }

    private func loop(_ sampler: ResourceSampler, interval: Double, continuation: AsyncStream<ResourceSample>.Continuation) {
        // A nice value of 10 for this thread alone (on Linux, `who` 0 is the calling thread): when
        // the cores are busy, the load generator's threads run first and a sample waits a little.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        var next = Date()
        while true {
            do {
                if let sample = try sampler.sample() { continuation.yield(sample) }
            } catch {
                state.withLock { $0.problems.append(error.description) }
            }
            if state.withLock({ $0.stopped }) { break }
            next = max(next.addingTimeInterval(interval), Date())
            wake.lock()
            while !state.withLock({ $0.stopped }) && Date() < next { _ = wake.wait(until: next) }
            wake.unlock()
        }
        continuation.finish()
        finished.lock()
        done.withLock { $0 = true }
        finished.broadcast()
        finished.unlock()
    }

    /// Takes a last sample (covering the time since the previous one), then ends the stream.
    /// Returns once the thread has finished.
    public func stop() {
        state.withLock { $0.stopped = true }
        wake.lock()
        wake.broadcast()
        wake.unlock()
        finished.lock()
        while !done.withLock({ $0 }) { finished.wait() }
        finished.unlock()
    }
}

/// Moves the non-Sendable sampler to the recorder's thread, which is its only user from then on.
private final class SamplerBox: @unchecked Sendable {
    let sampler: ResourceSampler
    init(_ sampler: consuming sending ResourceSampler) { self.sampler = sampler }
}
