/// lm-evaluation-harness's `exact_match` for GSM8K: remove each of the regexes to ignore (in
/// order: `,`, `\$`, `(?s).*#### `, `\.$`) from prediction and reference, lower-case both, and
/// compare strings.
public struct ExactMatch: Sendable {
    private let ignored: [NSRegularExpressionBox]

    /// The GSM8K configuration (`ignore_case: true`, `ignore_punctuation: false`).
    public static let gsm8k = ExactMatch(regexesToIgnore: [",", "\\$", "(?s).*#### ", "\\.$"])

    /// Creates a matcher that removes the given Python-syntax patterns before comparing.
    public init(regexesToIgnore: [String]) {
        ignored = regexesToIgnore.map(NSRegularExpressionBox.init(pattern:))
    }

    /// The normalised form of `text`.
    public func normalize(_ text: String) -> String {
        var result = text
        for regex in ignored { result = regex.replaceAll(in: result, with: "") }
        return result.lowercased()
    }

    /// Whether `prediction` and `reference` are equal after normalisation.
    public func matches(_ prediction: String, _ reference: String) -> Bool {
        normalize(prediction) == normalize(reference)
    }
}
