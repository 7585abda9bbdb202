/// An error meant for the person at the terminal: what was wrong, where, and what to do.
///
/// ```swift
/// throw ProctorError.badInput("gsm8k.jsonl:12: field \"question\" is missing", hint: "add it or drop the line")
/// ```
public struct ProctorError: ProctorFailure, Sendable {
    /// The class of failure.
    public var code: ErrorCode
    /// What was wrong, naming the file and line, field or URL involved.
    public var message: String
    /// What to do about it, if there is something to do.
    public var hint: String?

    /// Creates an error.
    public init(_ code: ErrorCode, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// A bad-usage or bad-input error.
    public static func badInput(_ message: String, hint: String? = nil) -> ProctorError {
        ProctorError(.badInput, message, hint: hint)
    }

    /// An unreachable-target error.
    public static func unreachable(_ message: String, hint: String? = nil) -> ProctorError {
        ProctorError(.unreachable, message, hint: hint)
    }

    /// A failure of something Proctor depends on.
    public static func failed(_ message: String, hint: String? = nil) -> ProctorError {
        ProctorError(.dependencyFailed, message, hint: hint)
    }

    /// The message followed by the hint on its own line.
    public var description: String {
        guard let hint else { return message }
        return "\(message)\n  hint: \(hint)"
    }
}
