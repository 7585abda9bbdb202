import Crypto
public import Foundation
public import ProctorCore

/// The examples a fine-tuning run trains on and the ones it holds out, split reproducibly, and
/// checked against the evaluation set the tuned model will be measured on: no training or
/// held-out example may share an id or a question with it.
public struct TrainingSet: Sendable {
    /// Examples to train on.
    public var train: [TrainingExample]
    /// Examples held out for validation loss.
    public var heldOut: [TrainingExample]
    /// What the overlap check compared and found, for the run's record.
    public var overlapCheck: String

    /// Splits `examples`: `heldOut` of them chosen by `seed`, the rest for training.
    ///
    /// An example sharing an id or a question with the evaluation set is refused, unless
    /// `dropOverlap` (for a bundled split whose source has a known duplicate, such as MATH's one
    /// training problem that is also a test problem), when it is removed and the record says which.
    ///
    /// - Throws: ``ProctorError/badInput(_:hint:)`` when an example shares an id or a question
    ///   (compared after trimming and folding whitespace and case) with `evaluation`, naming the
    ///   first few; or when there are too few examples.
    public init(
        examples given: [TrainingExample], heldOut count: Int, seed: UInt64, evaluation: (name: String, samples: [EvalSample])?,
        dropOverlap: Bool = false
    ) throws(ProctorError) {
        var examples = given
        if let evaluation {
            let ids = Set(evaluation.samples.map(\.id))
            let questions = Set(evaluation.samples.map { Self.hash(($0.messages.last { $0.role == .user })?.content ?? "") })
            let clashes = examples.filter { ids.contains($0.id) || questions.contains(Self.hash($0.question)) }
            overlapCheck =
                "no overlap with \(evaluation.name): \(examples.count) examples checked against its \(evaluation.samples.count) samples by id and question hash"
            if !clashes.isEmpty {
                let named = clashes.prefix(3).map(\.id).joined(separator: ", ")
                guard dropOverlap else {
                    throw ProctorError.badInput(
                        "\(clashes.count) training examples overlap the evaluation set \(evaluation.name) (by id or question text), e.g. \(named)",
                        hint: "remove them from the data: a model tuned on its test questions would be measured on what it memorised")
                }
                let removed = Set(clashes.map(\.id))
                examples.removeAll { removed.contains($0.id) }
                overlapCheck += "; \(clashes.count) found there and removed (\(named)\(clashes.count > 3 ? ", …" : ""))"
            }
        } else {
            overlapCheck = "not checked: no evaluation set named"
        }
        guard examples.count > count else {
            throw ProctorError.badInput(
                "the data has \(examples.count) examples, too few to hold out \(count)", hint: "lower --held-out or give more data")
        }
        var random = SplitMix64(seed: seed)
        var order = Array(examples.indices)
        for index in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(index, Int(random.next() % UInt64(index + 1)))
        }
        let held = Set(order.prefix(count))
        train = examples.indices.filter { !held.contains($0) }.map { examples[$0] }
        heldOut = examples.indices.filter { held.contains($0) }.map { examples[$0] }
    }

    /// SHA-256 of the text with whitespace folded and case ignored.
    static func hash(_ text: String) -> String {
        let folded = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return SHA256.hash(data: Data(folded.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The examples as TRL's conversational prompt/completion JSON Lines.
    public static func jsonLines(_ examples: [TrainingExample]) throws -> Data {
        struct Message: Encodable {
            var role: String
            var content: String
        }
        struct Row: Encodable {
            var id: String
            var prompt: [Message]
            var completion: [Message]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for example in examples {
            let row = Row(
                id: example.id, prompt: example.prompt.map { Message(role: $0.role.rawValue, content: $0.content) },
                completion: [Message(role: "assistant", content: example.completion)])
            data.append(try encoder.encode(row))
            data.append(0x0A)
        }
        return data
    }
}
