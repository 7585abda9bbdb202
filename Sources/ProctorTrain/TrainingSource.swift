import Foundation
public import ProctorCore
import ProctorBenchmarks

/// Where `--data` takes examples from: a bundled training split (`gsm8k:train`) or a chat JSONL
/// file, one `{"messages": [...]}` conversation per line whose last message is the assistant's.
public enum TrainingSource: Sendable, Hashable {
    /// GSM8K's 7,473 training problems, prompted as the `gsm8k_zeroshot_chat` protocol asks and
    /// answered with the dataset's solution (calculator annotations removed), ending `#### N`.
    case gsm8kTrain
    /// MATH's 7,500 training problems, prompted as `math_zeroshot_boxed` asks and answered with
    /// the dataset's solution, which ends in `\boxed{…}`.
    case mathTrain
    /// A chat JSONL file.
    case file(String)

    /// The bundled training splits, as `--data` names them.
    public static let bundled = ["gsm8k:train", "math:train"]

    /// Reads `--data`.
    ///
    /// - Throws: ``ProctorError/badInput(_:hint:)`` naming the value and what is accepted.
    public init(parsing text: String) throws(ProctorError) {
        switch text {
        case "gsm8k:train": self = .gsm8kTrain
        case "math:train": self = .mathTrain
        case _ where text.hasSuffix(".jsonl"): self = .file(text)
        default:
            throw ProctorError.badInput(
                "--data \(text) is neither a bundled training split nor a .jsonl file",
                hint: "use \(Self.bundled.joined(separator: " or ")), or a chat JSONL file with one {\"messages\": [...]} per line")
        }
    }

    /// The source as the run records it.
    public var name: String {
        switch self {
        case .gsm8kTrain: "gsm8k:train"
        case .mathTrain: "math:train"
        case .file(let path): path
        }
    }

    /// The prompt protocol to evaluate `benchmark` with after training on this source: the one
    /// whose prompts the training examples were written in, so that base and tuned are measured
    /// on the format the adapter learned. `nil` leaves the benchmark's default.
    public func evaluationProtocol(for benchmark: String) -> String? {
        switch (self, benchmark) {
        case (.gsm8kTrain, "gsm8k"): GSM8KProtocol.zeroShotChat.name
        case (.mathTrain, "math"), (.mathTrain, "math500"): MathProtocol.zeroShotBoxed.name
        default: nil
        }
    }

    /// The evaluation set a bundled split must never overlap: its benchmark's test problems, as
    /// the zero-shot protocol the training prompts use presents them (so question texts compare).
    /// `nil` for a file, which names no benchmark.
    public func evaluationSet() throws -> (name: String, samples: [EvalSample])? {
        switch self {
        case .gsm8kTrain: ("gsm8k/test", try GSM8KBenchmark(protocol: .zeroShotChat).samples())
        case .mathTrain: ("math/test (MATH-500 included)", try MathBenchmark(split: .test, protocol: .zeroShotBoxed).samples())
        case .file: nil
        }
    }

    /// The examples and the source's description (name, SHA-256, count).
    ///
    /// - Throws: ``DatasetError`` naming the file and line of a malformed example.
    public func examples() throws(DatasetError) -> (examples: [TrainingExample], info: DatasetInfo) {
        switch self {
        case .gsm8kTrain:
            let loaded = try GSM8KDataset.loadTrain()
            let examples = loaded.problems.map { problem in
                TrainingExample(
                    id: "train-\(problem.index)", prompt: GSM8KProtocol.zeroShotChat.messages(for: problem),
                    completion: Self.withoutCalculatorAnnotations(problem.answer))
            }
            return (examples, loaded.info)
        case .mathTrain:
            let loaded = try MathDataset.loadTrain()
            let examples = loaded.problems.map { problem in
                TrainingExample(
                    id: problem.uniqueId, prompt: MathProtocol.zeroShotBoxed.messages(for: problem), completion: problem.solution)
            }
            return (examples, loaded.info)
        case .file(let path):
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw DatasetError(file: path, message: "cannot be read: \(error.localizedDescription)")
            }
            var examples: [TrainingExample] = []
            for line in try JSONLReader.parse(data, file: path) {
                let messages = try Self.messages(line)
                guard let last = messages.last, last.role == .assistant, messages.count >= 2 else {
                    throw DatasetError(
                        file: path, line: line.number, field: "messages",
                        message: "must end with the assistant's answer after at least one other message")
                }
                let id = (try? line.string("id")) ?? "line-\(line.number)"
                examples.append(TrainingExample(id: id, prompt: Array(messages.dropLast()), completion: last.content))
            }
            return (examples, DatasetInfo(name: path, sha256: FileDigest.sha256(data), count: examples.count))
        }
    }

    /// A line's `messages`: objects with a `role` (system, user or assistant) and a string `content`.
    static func messages(_ line: JSONLReader.Line) throws(DatasetError) -> [ChatMessage] {
        guard let items = line.object["messages"] as? [[String: Any]], !items.isEmpty else {
            throw DatasetError(
                file: line.file, line: line.number, field: "messages", message: "missing or not a list of {\"role\", \"content\"} objects")
        }
        var messages: [ChatMessage] = []
        for (index, item) in items.enumerated() {
            guard let roleName = item["role"] as? String, let role = ChatMessage.Role(rawValue: roleName), let content = item["content"] as? String
            else {
                throw DatasetError(
                    file: line.file, line: line.number, field: "messages[\(index)]",
                    message: "needs a role of system, user or assistant and a string content")
            }
            messages.append(ChatMessage(role: role, content: content))
        }
        return messages
    }

    /// GSM8K's solutions carry the calculator's work as `<<48/2=24>>`; a model should not learn to
    /// write it.
    static func withoutCalculatorAnnotations(_ answer: String) -> String {
        answer.replacingOccurrences(of: #"<<[^>]*>>"#, with: "", options: .regularExpression)
    }
}
