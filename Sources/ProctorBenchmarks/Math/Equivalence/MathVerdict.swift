/// Whether two answers are equivalent, and the rule that decided it.
public struct MathVerdict: Sendable, Hashable {
    /// The answers mean the same thing.
    public var equivalent: Bool
    /// The deciding rule: `string`, `text`, `exact`, `numeric`, `random-points`, `percent`,
    /// `tuple`, `interval`, `set`, `matrix`, `equation`, `shape`, `unparsed` or `too-long`.
    public var rule: String

    /// Creates a verdict.
    public init(equivalent: Bool, rule: String) {
        self.equivalent = equivalent
        self.rule = rule
    }
}
