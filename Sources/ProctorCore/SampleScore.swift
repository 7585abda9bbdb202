/// What one answer-extraction rule made of a response, and whether that matched the reference.
public struct ExtractorOutput: Codable, Sendable, Hashable {
    /// The rule's name, e.g. `strict-match` or `flexible-extract`.
    public var name: String
    /// What the rule extracted, or `nil` when it found nothing.
    public var extracted: String?
    /// The extracted text after the benchmark's normalisation (its fallback when nothing was found).
    public var normalized: String
    /// Whether the extracted answer matches the reference.
    public var correct: Bool
    /// The rule that found the answer (e.g. `boxed`), for extractors with several.
    public var rule: String?
    /// The rule that decided equivalence (e.g. `exact`, `interval`), for scorers with several.
    public var decidedBy: String?
    /// Why this answer cannot be scored (``UnscorableReason``), or `nil` when it was scored.
    public var unscorable: String?
    /// Graded metrics beside the verdict, by name (e.g. `field_f1` 0.75), for benchmarks whose
    /// answers are more than right or wrong; a summary averages each over the answered samples.
    public var metrics: [String: Double]?

    /// Creates an extractor output; a missing extraction is unscorable for want of an answer.
    public init(
        name: String, extracted: String?, normalized: String, correct: Bool, rule: String? = nil,
        decidedBy: String? = nil, unscorable: String? = nil, metrics: [String: Double]? = nil
    ) {
        self.name = name
        self.extracted = extracted
        self.normalized = normalized
        self.correct = correct
        self.rule = rule
        self.decidedBy = decidedBy
        self.unscorable = unscorable ?? (extracted == nil ? UnscorableReason.noAnswer : nil)
        self.metrics = metrics
    }

    /// Whether the answer was compared with a reference at all.
    public var isScorable: Bool { unscorable == nil }
}

/// Why an answer was not scored; stored as text with the result.
public enum UnscorableReason {
    /// The extractor found no answer in the response.
    public static let noAnswer = "no answer found"
    /// The reference itself has no answer (e.g. a MATH solution without `\boxed`).
    public static let noReference = "reference lacks an answer"
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
