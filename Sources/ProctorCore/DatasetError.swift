/// A dataset line that cannot be used, located by file, line and field.
///
/// ```text
/// data/gsm8k.jsonl:12: field "question": missing — every line needs a string "question"
/// ```
public struct DatasetError: ProctorFailure, Sendable {
    /// The file that was read.
    public var file: String
    /// The 1-based line number, when the problem is on one line.
    public var line: Int?
    /// The field at fault, when one is.
    public var field: String?
    /// What is wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// Always ``ErrorCode/badInput``: the file is the user's to fix.
    public var code: ErrorCode { .badInput }

    /// `file:line: field "name": message`.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let field { return "\(location): field \"\(field)\": \(message)" }
        return "\(location): \(message)"
    }
}
