import Foundation

/// One GSM8K problem: a question and its worked answer ending in `#### N`.
public struct GSM8KProblem: Sendable, Hashable {
    /// Position in the test file (0-based).
    public var index: Int
    /// The word problem.
    public var question: String
    /// The worked solution, whose last line is `#### <number>`.
    public var answer: String

    /// Creates a problem.
    public init(index: Int, question: String, answer: String) {
        self.index = index
        self.question = question
        self.answer = answer
    }

    /// The final answer: the text after the last `####`, trimmed.
    public var finalAnswer: String {
        guard let range = answer.range(of: "####", options: .backwards) else {
            return answer.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return answer[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
