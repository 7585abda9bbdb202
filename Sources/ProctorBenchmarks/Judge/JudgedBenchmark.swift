public import ProctorCore

/// A benchmark whose answers a judge grades once they are in (MT-bench, MathChat's error analysis
/// and problem generation, rubric-judged Q&A): it says, per sample, what to ask the judge and how
/// to read the verdict. The runner sends the requests; the benchmark never talks HTTP.
public protocol JudgedBenchmark: Benchmark {
    /// Whether this benchmark (as configured) is graded by a judge; a JSONL task is only when its
    /// scorer is a judge.
    var isJudged: Bool { get }
    /// The judge requests for `sample`, whose answered turns are `answers` (turn → text); turns
    /// without an answer get none.
    ///
    /// - Throws: ``JudgePromptError`` when a prompt cannot be filled.
    func judgeRequests(for sample: EvalSample, answers: [Int: String]) throws -> [JudgeRequest]
}

extension JudgedBenchmark {
    /// Judged, unless the benchmark says otherwise.
    public var isJudged: Bool { true }
}

/// One request to a judge about one answer.
public struct JudgeRequest: Sendable, Hashable {
    /// The turn judged.
    public var turn: Int
    /// The prompt's name, stored with the judgment.
    public var promptName: String
    /// The messages to send.
    public var messages: [ChatMessage]
    /// How the judge's output is read.
    public var format: VerdictFormat

    /// Creates a request.
    public init(turn: Int, promptName: String, messages: [ChatMessage], format: VerdictFormat) {
        self.turn = turn
        self.promptName = promptName
        self.messages = messages
        self.format = format
    }
}

/// How a judge's output is read (``JudgeOutputParser/verdict(in:format:)``).
public enum VerdictFormat: Sendable, Hashable {
    /// FastChat's `[[n]]` rating.
    case rating
    /// FastChat's pairwise `[[A]]`, `[[B]]`, `[[C]]`.
    case pair
    /// The last JSON object, with each named criterion an integer 1–5.
    case criteria([String])
    /// inspect's `GRADE: C` or `GRADE: I`.
    case grade
}
