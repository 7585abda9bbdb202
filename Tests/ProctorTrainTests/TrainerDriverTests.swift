import Foundation
import ProctorCore
import Synchronization
import Testing

@testable import ProctorTrain

/// The trainer driver against `Fixtures/fake_trainer.py`, which prints the real script's events.
@Suite("Trainer driver")
struct TrainerDriverTests {
    private func driver(_ mode: String) -> TrainerDriver {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fake_trainer.py").path
        let python = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/python3"
        return TrainerDriver(
            python: python, script: script, arguments: [mode],
            logFile: FileManager.default.temporaryDirectory.appendingPathComponent("trainer-\(UUID().uuidString).log"))
    }

    @Test("events arrive as printed; the outcome has every step, the held-out losses, the versions and the adapter")
    func success() async throws {
        let seen = Mutex<[TrainerEvent]>([])
        let outcome = try await driver("ok").run { event in seen.withLock { $0.append(event) } }
        #expect(outcome.steps == [TrainingStep(step: 1, loss: 2, seconds: 0.1), TrainingStep(step: 2, loss: 1, seconds: 0.2), TrainingStep(step: 3, loss: 2.0 / 3, seconds: 0.30000000000000004)])
        #expect(outcome.versions == ["torch": "fake", "peft": "fake"])
        #expect(outcome.adapter == "/tmp/adapter")
        #expect(
            outcome.heldOut == [
                TrainingStep(step: 0, loss: 3, seconds: 0.05, peakMemoryBytes: 1000), TrainingStep(step: 3, loss: 1.5, seconds: 0.35, peakMemoryBytes: 2000),
            ])
        let events = seen.withLock { $0 }
        #expect(events.count == 8)
        #expect(events[1] == .other("a library warning that reached standard output"))
    }

    @Test("a failed trainer is reported with its message and the last lines of its log")
    func failure() async throws {
        do {
            _ = try await driver("fail").run()
            Issue.record("no error")
        } catch let failure as TrainerFailure {
            #expect(failure.status == 1)
            #expect(failure.message == "RuntimeError: CPU out of memory")
            #expect(failure.logTail.count == 20)
            #expect(failure.logTail.last == "RuntimeError: CPU out of memory")
            #expect(failure.description.contains("last lines of"))
        }
        do {
            _ = try await driver("crash").run()
            Issue.record("no error")
        } catch let failure as TrainerFailure {
            #expect(failure.status == 3)
            #expect(failure.message == nil)
            #expect(failure.logTail == ["Segmentation fault in a native extension"])
        }
    }

    @Test("cancelling interrupts the trainer, which stops cleanly; the caller sees cancellation")
    func interruption() async throws {
        let started = Mutex(false)
        let task = Task { try await driver("hang").run { event in if case .step = event { started.withLock { $0 = true } } } }
        while !started.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(20)) }
        let clock = ContinuousClock()
        let start = clock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(clock.now - start < .seconds(5))
    }

    @Test("event lines: steps, saves, errors; anything else is kept as text")
    func events() {
        #expect(TrainerEvent(line: #"{"event": "step", "step": 3, "loss": 1.5, "seconds": 2}"#) == .step(TrainingStep(step: 3, loss: 1.5, seconds: 2)))
        #expect(TrainerEvent(line: #"{"event": "step", "step": 3}"#) == .other(#"{"event": "step", "step": 3}"#))
        #expect(
            TrainerEvent(line: #"{"event": "eval", "step": 0, "loss": 1.25, "seconds": 4, "peak_rss": 2048}"#)
                == .heldOut(TrainingStep(step: 0, loss: 1.25, seconds: 4, peakMemoryBytes: 2048)))
        #expect(TrainerEvent(line: #"{"event": "saved", "adapter": "a"}"#) == .saved(adapter: "a"))
        #expect(TrainerEvent(line: #"{"event": "error"}"#) == .error("the trainer failed without a message"))
        #expect(TrainerEvent(line: "Loading checkpoint shards") == .other("Loading checkpoint shards"))
    }
}
