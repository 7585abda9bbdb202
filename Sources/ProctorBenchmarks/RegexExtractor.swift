import Foundation

/// An answer extractor with the semantics of lm-evaluation-harness's `RegexFilter`: Python's
/// `re.findall` over the response, the match chosen by `group_select` (0 the first, −1 the last),
/// the first non-empty group of a multi-group match, stripped; no match gives `nil` (lm-eval's
/// `"[invalid]"` fallback).
///
/// Patterns compile with Unix line separators so that `.` and `$` treat only LF as a line end,
/// exactly as Python's `re` does.
public struct RegexExtractor: Sendable {
    /// Which match to keep when the pattern matches more than once.
    public enum Select: Sendable, Hashable {
        /// The first match (`group_select: 0`).
        case first
        /// The last match (`group_select: -1`).
        case last
    }

    /// The extractor's name, e.g. `strict-match`.
    public let name: String
    /// The pattern, in Python `re` syntax.
    public let pattern: String
    /// Which match is kept.
    public let select: Select
    private let regex: NSRegularExpressionBox

    /// Compiles `pattern`; a pattern that does not compile is a programming error.
    public init(name: String, pattern: String, select: Select) {
        self.name = name
        self.pattern = pattern
        self.select = select
        regex = NSRegularExpressionBox(pattern: pattern)
    }

    /// The extracted answer, or `nil` when nothing matched.
    public func extract(from text: String) -> String? {
        let ns = text as NSString
        let matches = regex.value.matches(in: text, range: NSRange(location: 0, length: ns.length))
        guard let match = select == .first ? matches.first : matches.last else { return nil }
        let captured: String
        if match.numberOfRanges <= 1 {
            captured = ns.substring(with: match.range)
        } else if match.numberOfRanges == 2 {
            captured = group(1, of: match, in: ns)
        } else {
            let groups = (1..<match.numberOfRanges).map { group($0, of: match, in: ns) }
            guard let firstNonEmpty = groups.first(where: { !$0.isEmpty }) else { return nil }
            captured = firstNonEmpty
        }
        return captured.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func group(_ index: Int, of match: NSTextCheckingResult, in text: NSString) -> String {
        let range = match.range(at: index)
        return range.location == NSNotFound ? "" : text.substring(with: range)
    }
}

/// Holds a compiled expression; `NSRegularExpression` is immutable and safe to share.
final class NSRegularExpressionBox: @unchecked Sendable {
    let value: NSRegularExpression

    init(pattern: String) {
        do {
            value = try NSRegularExpression(pattern: pattern, options: [.useUnixLineSeparators])
        } catch {
            preconditionFailure("invalid built-in pattern \(pattern): \(error)")
        }
    }

    /// Python's `re.sub(pattern, replacement, text)`: every non-overlapping match replaced.
    func replaceAll(in text: String, with replacement: String) -> String {
        let range = NSRange(location: 0, length: (text as NSString).length)
        return value.stringByReplacingMatches(in: text, range: range, withTemplate: replacement)
    }
}
