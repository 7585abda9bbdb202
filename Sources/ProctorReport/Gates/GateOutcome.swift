/// How one threshold ended, and why: k6 passes or fails; Proctor adds inconclusive for too
/// little evidence, so a green gate always means a measured pass.
public struct GateOutcome: Codable, Sendable, Hashable {
    /// Pass, fail or inconclusive.
    public enum Status: String, Codable, Sendable {
        /// The threshold held.
        case pass
        /// The threshold was violated (significantly, where significance is required), or its
        /// metric is missing.
        case fail
        /// Too few samples, or a baseline needed and not given.
        case inconclusive
    }

    /// The metric and tags as written.
    public var metric: String
    /// The expression as written.
    public var expression: String
    /// `file:line:column`.
    public var location: String
    /// How it ended.
    public var status: Status
    /// The measured value in base units (seconds, fractions, dollars), when there is one.
    public var value: Double?
    /// The limit it was held to, in base units.
    public var limit: Double?
    /// The baseline's value, when the limit or aggregate used one.
    public var baseline: Double?
    /// Items or requests behind the value.
    public var samples: Int?
    /// The p-value of a significance test (Holm-adjusted when the file asks), when one ran.
    public var p: Double?
    /// Why it ended so, in words.
    public var reason: String
    /// Whether an inconclusive outcome counts as a failure (the file's `on_inconclusive`).
    public var inconclusiveFails: Bool
    /// Whether the threshold's failure fails the gate (`error`) or is only reported (`warn`).
    public var severity: String = "error"

    /// Whether this outcome fails the gate.
    public var fails: Bool {
        severity == "error" && (status == .fail || (status == .inconclusive && inconclusiveFails))
    }
}

/// Every threshold's outcome, and whether the gate as a whole passed.
public struct GateReport: Codable, Sendable, Hashable {
    /// The outcomes, in file order.
    public var outcomes: [GateOutcome]

    /// Whether no outcome fails the gate.
    public var passed: Bool { !outcomes.contains(where: \.fails) }
}
