import Foundation
public import ProctorBenchmarks
public import ProctorCore
import Synchronization

/// One judgment to ask for: which answer (or pair), and the judge request FastChat would send.
public struct JudgeTask: Sendable, Hashable {
    /// Where the judgment will be stored: run, opponent, sample, turn, game, repeat.
    public var key: JudgmentKey
    /// The question's category.
    public var category: String
    /// The prompt's name.
    public var promptName: String
    /// The messages to send.
    public var messages: [ChatMessage]
    /// How the output is read.
    public var format: VerdictFormat

    /// Creates a task.
    public init(key: JudgmentKey, category: String, promptName: String, messages: [ChatMessage], format: VerdictFormat) {
        self.key = key
        self.category = category
        self.promptName = promptName
        self.messages = messages
        self.format = format
    }
}

/// Asks a judge for every task, at most `concurrency` at once, and stores each judgment the moment
/// it is known: the prompt, the raw output, the verdict and the rule that read it. A judge that
/// fails after its client's retries is stored as that failure, never as a low rating; a
/// cancelled request is not stored, so a resumed run asks again.
public struct JudgeRunner: Sendable {
    /// The judge.
    public let judge: any ChatCompleting
    /// The judge's generation settings.
    public let parameters: GenerationParameters
    /// The judge's model id, stored with each judgment.
    public let judgeModel: String
    /// Where judgments go.
    public let sink: any JudgmentStore
    /// Judge requests in flight at once.
    public let concurrency: Int

    /// Creates a runner.
    public init(
        judge: any ChatCompleting, parameters: GenerationParameters, judgeModel: String, sink: any JudgmentStore, concurrency: Int
    ) {
        self.judge = judge
        self.parameters = parameters
        self.judgeModel = judgeModel
        self.sink = sink
        self.concurrency = concurrency
    }

    /// Judges `tasks`; `progress` hears (done, total) after each.
    public func run(_ tasks: [JudgeTask], progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws {
        let done = DoneCounter()
        try await forEach(tasks, limit: concurrency) { task in
            try await sink.record(try await judgment(for: task))
            progress(done.increment(), tasks.count)
        }
    }

    /// Asks the judge once and reads its verdict.
    func judgment(for task: JudgeTask) async throws -> Judgment {
        let startedAt = Date()
        var judgment = Judgment(
            runId: task.key.runId, opponentRunId: task.key.opponentRunId, sampleId: task.key.sampleId, turn: task.key.turn,
            game: task.key.game, repeatIndex: task.key.repeatIndex, category: task.category, promptName: task.promptName,
            prompt: task.messages, startedAt: startedAt, output: nil, verdict: nil, parseRule: "judge failed",
            judgeModel: judgeModel)
        do {
            let completion = try await judge.complete(
                task.messages, parameters: parameters,
                context: RequestContext(sampleId: task.key.sampleId, turn: task.key.turn))
            judgment.output = completion.text
            judgment.usage = completion.usage
            judgment.latency = completion.timings.endToEndLatency
            if let model = completion.model, !model.isEmpty { judgment.judgeModel = model }
            let parsed = JudgeOutputParser.verdict(in: completion.text, format: task.format)
            judgment.verdict = parsed.verdict
            judgment.parseRule = parsed.rule
        } catch let error as CompletionError {
            judgment.error = error
        }
        return judgment
    }
}

/// Counts finished judgments across the task group.
private final class DoneCounter: Sendable {
    private let count = Mutex(0)

    func increment() -> Int {
        count.withLock { value in
            value += 1
            return value
        }
    }
}
