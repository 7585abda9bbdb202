/// An error meant for the person at the terminal: what was wrong, where, and what to do.
/// Its ``category`` decides the process exit code.
///
/// ```swift
/// throw ProctorError.badInput("gsm8k.jsonl:12: field \"question\" is missing", hint: "add it or drop the line")
/// ```
public struct ProctorError: Error, Sendable, CustomStringConvertible {
    /// The class of failure, mapped to an exit code by the command line.
    public enum Category: Sendable, Hashable {
        /// Bad usage or input (exit code 2).
        case badInput
        /// The target server could not be reached (exit code 3).
        case unreachable
        /// A quality or regression gate failed (exit code 1).
        case gateFailed
        /// Something outside the user's input failed: a build, a process, the store (exit code 1).
        case failed
    }

    /// The class of failure.
    public var category: Category
    /// What was wrong, naming the file and line, field or URL involved.
    public var message: String
    /// What to do about it, if there is something to do.
    public var hint: String?

    /// Creates an error.
    public init(_ category: Category, _ message: String, hint: String? = nil) {
        self.category = category
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
        ProctorError(.failed, message, hint: hint)
    }

    /// The process exit code for this error.
    public var exitCode: Int32 {
        switch category {
        case .badInput: 2
        case .unreachable: 3
        case .gateFailed, .failed: 1
        }
    }

    /// The message followed by the hint on its own line.
    public var description: String {
        guard let hint else { return message }
        return "\(message)\n  hint: \(hint)"
    }
}
