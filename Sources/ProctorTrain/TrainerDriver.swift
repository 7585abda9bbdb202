public import Foundation
public import ProctorCore
import Synchronization

/// Runs a trainer script in its own process and follows it: each JSON event line on its standard
/// output is handed on as it arrives, standard error goes to a log file, and how it ended becomes
/// the outcome. Cancelling the calling task interrupts the trainer (SIGINT, so it can stop
/// cleanly), and kills it if it has not stopped 10 seconds later.
public struct TrainerDriver: Sendable {
    /// The Python interpreter (the managed environment's).
    public var python: String
    /// The trainer script.
    public var script: String
    /// Arguments after the script.
    public var arguments: [String]
    /// Extra environment (`OMP_NUM_THREADS`, …).
    public var environment: [String: String]
    /// Where the trainer's standard error is written.
    public var logFile: URL

    /// Creates a driver.
    public init(python: String, script: String, arguments: [String], environment: [String: String] = [:], logFile: URL) {
        self.python = python
        self.script = script
        self.arguments = arguments
        self.environment = environment
        self.logFile = logFile
    }

    /// How training ended.
    public struct Outcome: Sendable, Hashable {
        /// The adapter's path, when the trainer saved one.
        public var adapter: String?
        /// Every step logged.
        public var steps: [TrainingStep]
        /// The package versions reported.
        public var versions: [String: String]
        /// The held-out losses reported (before training and after it).
        public var heldOut: [TrainingStep] = []
    }

    /// Runs the trainer to its end, calling `onEvent` for each event.
    ///
    /// - Throws: ``TrainerFailure`` when the trainer exits unsuccessfully (with its message or the
    ///   last lines of its log), `CancellationError` when interrupted.
    public func run(onEvent: @escaping @Sendable (TrainerEvent) -> Void = { _ in }) async throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-u", script] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: logFile)
        defer { try? log.close() }
        process.standardError = log
        process.standardInput = FileHandle.nullDevice

        let state = Mutex((outcome: Outcome(adapter: nil, steps: [], versions: [:]), error: String?.none, interrupted: false, pending: Data()))
        let handle: @Sendable (String) -> Void = { line in
            let event = TrainerEvent(line: line)
            state.withLock { state in
                switch event {
                case .versions(let versions): state.outcome.versions = versions
                case .step(let step): state.outcome.steps.append(step)
                case .heldOut(let step): state.outcome.heldOut.append(step)
                case .saved(let adapter): state.outcome.adapter = adapter
                case .error(let message): state.error = message
                case .interrupted: state.interrupted = true
                case .other: break
                }
            }
            onEvent(event)
        }
        let reader = output.fileHandleForReading
        let (exits, exited) = AsyncStream.makeStream(of: Int32.self)
        let (drains, drained) = AsyncStream.makeStream(of: Void.self)
        process.terminationHandler = {
            exited.yield($0.terminationStatus)
            exited.finish()
        }
        try process.run()
        // Only the child may hold the pipe's write end, or the reader never sees the end of it.
        try output.fileHandleForWriting.close()
        let readerThread = Thread {
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                let lines = state.withLock { state -> [String] in
                    state.pending.append(data)
                    var lines: [String] = []
                    while let newline = state.pending.firstIndex(of: 0x0A) {
                        lines.append(String(decoding: state.pending[state.pending.startIndex..<newline], as: UTF8.self))
                        state.pending.removeSubrange(state.pending.startIndex...newline)
                    }
                    return lines
                }
                for line in lines { handle(line) }
            }
            drained.finish()
        }
        readerThread.start()
        let status = await withTaskCancellationHandler {
            var statuses = exits.makeAsyncIterator()
            let status = await statuses.next() ?? -1
            for await _ in drains {}  // every line of output has been handled
            return status
        } onCancel: {
            process.interrupt()
            DispatchQueue.global().asyncAfter(deadline: .now() + 10) { if process.isRunning { process.terminate() } }
        }
        let final = state.withLock { $0 }
        if Task.isCancelled || final.interrupted { throw CancellationError() }
        guard status == 0 else {
            throw TrainerFailure(
                status: status, message: final.error, logTail: Self.tail(of: logFile, lines: 20), logFile: logFile.path)
        }
        return final.outcome
    }

    /// The last `lines` lines of a file.
    static func tail(of file: URL, lines: Int) -> [String] {
        guard let data = try? Data(contentsOf: file) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).suffix(lines).map(String.init)
    }
}

/// The trainer exited unsuccessfully: its own message if it gave one, and the end of its log.
public struct TrainerFailure: ProctorFailure, Sendable {
    /// The exit status.
    public var status: Int32
    /// The trainer's `error` event, if it sent one.
    public var message: String?
    /// The last lines of its standard error.
    public var logTail: [String]
    /// The full log.
    public var logFile: String

    /// ``ErrorCode/dependencyFailed``.
    public var code: ErrorCode { .dependencyFailed }

    /// What failed, with the log's last lines.
    public var description: String {
        var text = "the trainer failed (exit status \(status))" + (message.map { ": \($0)" } ?? "")
        if !logTail.isEmpty { text += "\n  last lines of \(logFile):\n" + logTail.map { "    " + $0 }.joined(separator: "\n") }
        return text
    }
}
