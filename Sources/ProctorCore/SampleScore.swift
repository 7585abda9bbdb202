/// What one answer-extraction rule made of a response, and whether that matched the reference.
public struct ExtractorOutput: Codable, Sendable, Hashable {
    /// The rule's name, e.g. `strict-match` or `flexible-extract`.
    public var name: String
    /// What the rule extracted, or `nil` when it found nothing.
    public var extracted: String?
    /// The extracted text after the benchmark's normalisation (its fallback when nothing was found).
    public var normalized: String
    /// Whether the normalised text equals the normalised reference.
    public var correct: Bool

    /// Creates an extractor output.
    public init(name: String, extracted: String?, normalized: String, correct: Bool) {
        self.name = name
        self.extracted = extracted
        self.normalized = normalized
        self.correct = correct
    }
}

/// Every extractor's verdict on one response.
public struct SampleScore: Codable, Sendable, Hashable {
    /// One output per extractor, in the benchmark's order (the first is the primary metric).
    public var outputs: [ExtractorOutput]

    /// Creates a score.
    public init(outputs: [ExtractorOutput]) {
        self.outputs = outputs
    }

    /// The output of the extractor called `name`.
    public func output(named name: String) -> ExtractorOutput? {
        outputs.first { $0.name == name }
    }
}
