public import ProctorCore

/// A named way of asking GSM8K questions over chat and reading the answers back. The name is
/// stored with every run, because the same model moves by 20–30 points between protocols.
public struct GSM8KProtocol: Sendable, Hashable {
    /// The protocol's name, e.g. `gsm8k_cot`.
    public let name: String
    /// One line saying what it is.
    public let summary: String
    /// The `strict-match` pattern (Python `re` syntax), first match kept.
    public let strictPattern: String
    /// Stop sequences sent with each request.
    public let stop: [String]
    private let style: Style

    private enum Style: Hashable {
        case eightShotChainOfThought
        case zeroShotChainOfThought
        case zeroShotHashAnswer
    }

    /// lm-eval's `gsm8k_cot` (v3): the 8 fixed Wei et al. exemplars as multi-turn chat
    /// (`--apply_chat_template --fewshot_as_multiturn`), `Q: …\nA:` prompts, strict match on
    /// `The answer is N.`.
    public static let chainOfThought8Shot = GSM8KProtocol(
        name: "gsm8k_cot",
        summary: "lm-eval gsm8k_cot: 8 fixed chain-of-thought exemplars as multi-turn chat",
        strictPattern: #"The answer is (\-?[0-9\.\,]+)."#,
        stop: ["Q:", "</s>", "<|im_end|>"],
        style: .eightShotChainOfThought)

    /// lm-eval's `gsm8k_cot_zeroshot`: `Q: …\nA: Let's think step by step.` with no exemplars.
    public static let chainOfThoughtZeroShot = GSM8KProtocol(
        name: "gsm8k_cot_zeroshot",
        summary: "lm-eval gsm8k_cot_zeroshot: \"Let's think step by step.\" with no exemplars",
        strictPattern: #"The answer is (\-?[0-9\.\,]+)."#,
        stop: ["Q:", "</s>", "<|im_end|>"],
        style: .zeroShotChainOfThought)

    /// Zero-shot chat that asks for the final answer after `####`, scored with lm-eval `gsm8k`'s
    /// strict pattern `#### N`.
    public static let zeroShotChat = GSM8KProtocol(
        name: "gsm8k_zeroshot_chat",
        summary: "zero-shot chat instruction asking for the final answer after ####",
        strictPattern: #"#### (\-?[0-9\.\,]+)"#,
        stop: [],
        style: .zeroShotHashAnswer)

    /// Every protocol, by name.
    public static let all: [GSM8KProtocol] = [chainOfThought8Shot, chainOfThoughtZeroShot, zeroShotChat]

    /// The protocol called `name`, if there is one.
    public static func named(_ name: String) -> GSM8KProtocol? {
        all.first { $0.name == name }
    }

    /// The messages sent for `problem`.
    public func messages(for problem: GSM8KProblem) -> [ChatMessage] {
        switch style {
        case .eightShotChainOfThought:
            var messages: [ChatMessage] = []
            for exemplar in GSM8KExemplars.chainOfThought {
                messages.append(ChatMessage(role: .user, content: "Q: \(exemplar.question)\nA:"))
                messages.append(ChatMessage(role: .assistant, content: exemplar.target))
            }
            messages.append(ChatMessage(role: .user, content: "Q: \(problem.question)\nA:"))
            return messages
        case .zeroShotChainOfThought:
            return [ChatMessage(role: .user, content: "Q: \(problem.question)\nA: Let's think step by step.")]
        case .zeroShotHashAnswer:
            let instruction =
                "Solve the following math problem step by step. On the last line, write the final answer as a plain "
                + "number after \"####\", like this:\n#### 42\n\nQuestion: \(problem.question)"
            return [ChatMessage(role: .user, content: instruction)]
        }
    }

    /// The reference as lm-eval's `doc_to_target` gives it: the final number for `gsm8k_cot`,
    /// the whole worked answer otherwise (the `(?s).*#### ` rule strips it when comparing).
    public func reference(for problem: GSM8KProblem) -> String {
        style == .eightShotChainOfThought ? problem.finalAnswer : problem.answer
    }
}
