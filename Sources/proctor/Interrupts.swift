import Synchronization
import UnixSignals

#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C or SIGTERM arrived while an interruptible operation ran.
struct Interrupted: Error {
    /// The signal that stopped it.
    var signal: UnixSignal

    /// The shell's convention: 128 + the signal number (130 for SIGINT, 143 for SIGTERM).
    var exitCode: Int32 { 128 + signal.rawValue }
}

/// Runs `operation`; on SIGINT or SIGTERM cancels it, waits for it to wind down (its results so
/// far committed, its run marked interrupted), and throws ``Interrupted``. A second signal while
/// it winds down exits at once: every write is a committed SQLite transaction, so the store is
/// as intact as after `kill -9`, and the run stays resumable.
func interruptible<Result: Sendable>(_ operation: @escaping @Sendable () async throws -> Result) async throws -> Result {
    let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
    let work = Task { try await operation() }
    let received = Mutex<UnixSignal?>(nil)
    let watcher = Task {
        for await signal in signals {
            if received.withLock({ $0 }) != nil { _exit(128 + signal.rawValue) }
            received.withLock { $0 = signal }
            work.cancel()
        }
    }
    defer { watcher.cancel() }
    let outcome = await withTaskCancellationHandler {
        await work.result
    } onCancel: {
        work.cancel()
    }
    if let signal = received.withLock({ $0 }) { throw Interrupted(signal: signal) }
    return try outcome.get()
}
