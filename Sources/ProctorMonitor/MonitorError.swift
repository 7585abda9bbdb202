public import ProctorCore

/// Something the monitor could not read or was given wrong: names the file, device or option,
/// and what to do.
public struct MonitorError: ProctorFailure, Sendable, Hashable {
    /// The file, library or option concerned.
    public var source: String
    /// What is wrong with it.
    public var reason: String
    /// What to do about it.
    public var hint: String?

    /// Creates an error.
    public init(source: String, reason: String, hint: String? = nil) {
        self.source = source
        self.reason = reason
        self.hint = hint
    }

    /// ``ErrorCode/badInput``.
    public var code: ErrorCode { .badInput }

    /// `source: reason`, and the hint.
    public var description: String {
        "\(source): \(reason)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}
