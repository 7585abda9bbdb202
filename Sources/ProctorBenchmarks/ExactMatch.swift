import Foundation

/// lm-evaluation-harness's `exact_match` for GSM8K: remove each of the regexes to ignore (in
/// order: `,`, `\$`, `(?s).*#### `, `\.$`) from prediction and reference, lower-case both, and
/// compare strings.
public struct ExactMatch: Sendable {
    private let ignored: [Removal]

    /// The GSM8K configuration (`ignore_case: true`, `ignore_punctuation: false`).
    public static let gsm8k = ExactMatch(regexesToIgnore: [",", "\\$", "(?s).*#### ", "\\.$"])

    /// Creates a matcher that removes the given Python-syntax patterns before comparing.
    public init(regexesToIgnore: [String]) {
        ignored = regexesToIgnore.map(Removal.init(pattern:))
    }

    /// The normalised form of `text`.
    public func normalize(_ text: String) -> String {
        var result = text
        for removal in ignored { result = removal.apply(to: result) }
        return result.lowercased()
    }

    /// Whether `prediction` and `reference` are equal after normalisation.
    public func matches(_ prediction: String, _ reference: String) -> Bool {
        normalize(prediction) == normalize(reference)
    }
}

/// One pattern to remove. `(?s).*` followed by plain text removes everything through the text's
/// last occurrence — what Python's `re.sub` does with it, since the greedy `.*` reaches the last
/// one and nothing after it can match again — found directly: run as a regex it is retried from
/// every position when the text is absent, and a 90,000-digit answer took minutes (found by the
/// gsm8k-answers fuzz target).
private enum Removal: Sendable {
    case regex(NSRegularExpressionBox)
    case throughLast(String)

    init(pattern: String) {
        let prefix = "(?s).*"
        let rest = pattern.dropFirst(prefix.count)
        if pattern.hasPrefix(prefix), !rest.isEmpty, !rest.contains(where: { "\\^$.|?*+()[]{}".contains($0) }) {
            self = .throughLast(String(rest))
        } else {
            self = .regex(NSRegularExpressionBox(pattern: pattern))
        }
    }

    func apply(to text: String) -> String {
        switch self {
        case .regex(let regex):
            return regex.replaceAll(in: text, with: "")
        case .throughLast(let literal):
            let string = text as NSString
            let found = string.range(of: literal, options: [.literal, .backwards])
            return found.location == NSNotFound ? text : string.substring(from: found.location + found.length)
        }
    }
}
