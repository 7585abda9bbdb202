public import ProctorCore

/// A named way of asking MATH problems over chat and reading the answers back; the name is
/// stored with every run.
public struct MathProtocol: Sendable, Hashable {
    /// The protocol's name, e.g. `minerva_math`.
    public let name: String
    /// One line saying what it is.
    public let summary: String
    /// Stop sequences sent with each request.
    public let stop: [String]
    /// The default answer budget in tokens.
    public let maxTokens: Int
    /// The protocol's own extractor (primary metric), then the flexible fallback chain.
    public let extractors: [MathAnswerExtractor]
    private let fewShot: Bool

    /// lm-eval's `minerva_math`: the 4 Minerva examples as multi-turn chat, `Problem:\n…\n\nSolution:`
    /// prompts, stop at `Problem:`, answer from "Final Answer: The final answer is … I hope it is correct."
    public static let minerva = MathProtocol(
        name: "minerva_math",
        summary: "lm-eval minerva_math: 4 Minerva examples as multi-turn chat, \"Final Answer: …\" extraction",
        stop: ["Problem:"],
        maxTokens: 256,
        extractors: [MathAnswerExtractor(name: "minerva-match", rules: [.minerva]), flexible],
        fewShot: true)

    /// Zero-shot chat that asks for the final answer in `\boxed{}`.
    public static let zeroShotBoxed = MathProtocol(
        name: "math_zeroshot_boxed",
        summary: "zero-shot chat instruction asking for the final answer in \\boxed{}",
        stop: [],
        maxTokens: 1024,
        extractors: [MathAnswerExtractor(name: "boxed-match", rules: [.boxed]), flexible],
        fewShot: false)

    /// The fallback chain every protocol also reports: boxed, then "final answer is", then the
    /// last `$…$`.
    public static let flexible = MathAnswerExtractor(name: "flexible-extract", rules: [.boxed, .finalAnswer, .lastDollar])

    /// Every protocol.
    public static let all: [MathProtocol] = [minerva, zeroShotBoxed]

    /// The protocol called `name`, if there is one.
    public static func named(_ name: String) -> MathProtocol? {
        all.first { $0.name == name }
    }

    /// The messages sent for `problem`.
    public func messages(for problem: MathProblem) -> [ChatMessage] {
        guard fewShot else {
            let instruction =
                "Solve the following math problem. Reason step by step, and put your final answer within "
                + "\\boxed{}.\n\n\(problem.problem)"
            return [ChatMessage(role: .user, content: instruction)]
        }
        var messages: [ChatMessage] = []
        for exemplar in MinervaExemplars.all {
            messages.append(ChatMessage(role: .user, content: "Problem:\n\(exemplar.problem)\n\nSolution:"))
            messages.append(ChatMessage(role: .assistant, content: exemplar.solution))
        }
        messages.append(ChatMessage(role: .user, content: "Problem:\n\(problem.problem)\n\nSolution:"))
        return messages
    }
}
