import Foundation

/// Finds the final answer in a model's response by named rules, recording which rule found it.
///
/// - `minerva`: lm-eval's `get_unnormalized_answer` — append "I hope it is correct.", then
///   `Final Answer: The final answer is(.*?). I hope it is correct.` (first match, stripped).
/// - `boxed`: the last `\boxed{…}`, `\boxed x` or `\fbox{…}`.
/// - `final-answer`: the Minerva sentence, or failing that "final answer is …" to the end of the line.
/// - `last-dollar`: the content of the last `$…$` pair.
public struct MathAnswerExtractor: Sendable, Hashable {
    /// An extraction rule.
    public enum Rule: String, Sendable, CaseIterable {
        /// lm-eval's Minerva sentence.
        case minerva
        /// The last boxed expression.
        case boxed
        /// "The final answer is …", strict or loose.
        case finalAnswer = "final-answer"
        /// The last inline-math span.
        case lastDollar = "last-dollar"
    }

    /// The extractor's name as stored with every score.
    public let name: String
    /// Rules tried in order; the first that finds an answer wins.
    public let rules: [Rule]

    /// Creates an extractor that tries `rules` in order.
    public init(name: String, rules: [Rule]) {
        self.name = name
        self.rules = rules
    }

    /// The answer and the rule that found it, or `nil` when no rule found one.
    public func extract(from response: String) -> (answer: String, rule: Rule)? {
        for rule in rules {
            if let answer = Self.apply(rule, to: response) { return (answer, rule) }
        }
        return nil
    }

    private static let looseFinalAnswer = NSRegularExpressionBox(pattern: #"(?i)final answer is\s*:?\s*([^\n]+)"#)

    private static let minervaPrefix = Array("Final Answer: The final answer is".utf8)

    static func apply(_ rule: Rule, to response: String) -> String? {
        switch rule {
        case .minerva:
            guard ASCIIPattern.contains(minervaPrefix, in: Array(response.utf8)) else { return nil }
            return minervaSentence(in: response + "I hope it is correct.")
        case .boxed:
            return BoxedAnswer.last(in: response)
        case .finalAnswer:
            if let strict = apply(.minerva, to: response) { return strict }
            guard var loose = firstGroup(looseFinalAnswer, in: response) else { return nil }
            if let hope = loose.range(of: "I hope it is correct") { loose = String(loose[..<hope.lowerBound]) }
            loose = loose.trimmingCharacters(in: .whitespaces)
            while let last = loose.last, last == "." { loose.removeLast() }
            return loose.isEmpty ? nil : loose
        case .lastDollar:
            return lastDollarSpan(in: response)
        }
    }

    private static func firstGroup(_ regex: NSRegularExpressionBox, in text: String) -> String? {
        let ns = text as NSString
        guard let match = regex.value.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else {
            return nil
        }
        let range = match.range(at: 1)
        guard range.location != NSNotFound else { return nil }
        return ns.substring(with: range).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static let minervaPrefixScalars = Array("Final Answer: The final answer is".unicodeScalars)
    private static let hopeScalars = Array(" I hope it is correct".unicodeScalars)

    /// `re.search(r"Final Answer: The final answer is(.*?). I hope it is correct.", text).group(1).strip()`,
    /// written out: for each occurrence of the prefix, the shortest run of non-LF characters
    /// followed by any non-LF character, " I hope it is correct" and one more non-LF character.
    static func minervaSentence(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        let prefix = minervaPrefixScalars
        var start = 0
        while let found = firstIndex(of: prefix, in: scalars, from: start) {
            let groupStart = found + prefix.count
            var end = groupStart
            while end < scalars.count, scalars[end] != "\n" {
                let hopeStart = end + 1
                let after = hopeStart + hopeScalars.count
                if after < scalars.count, scalars[after] != "\n",
                    scalars[hopeStart..<after].elementsEqual(hopeScalars)
                {
                    var group = String.UnicodeScalarView()
                    group.append(contentsOf: scalars[groupStart..<end])
                    return String(group).trimmingCharacters(in: .whitespacesAndNewlines)
                }
                end += 1
            }
            start = found + 1
        }
        return nil
    }

    private static func firstIndex(of needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard scalars.count >= needle.count, start <= scalars.count - needle.count else { return nil }
        for candidate in start...(scalars.count - needle.count)
        where scalars[candidate] == needle[0] && scalars[candidate..<candidate + needle.count].elementsEqual(needle) {
            return candidate
        }
        return nil
    }

    /// The text between the last two unescaped `$` signs (`$$` counts as one delimiter).
    private static func lastDollarSpan(in text: String) -> String? {
        var delimiters: [String.Index] = []
        var index = text.startIndex
        var previous: Character?
        while index < text.endIndex {
            let character = text[index]
            if character == "$", previous != "\\" {
                if let last = delimiters.last, text.index(after: last) == index {
                    delimiters[delimiters.count - 1] = index
                } else {
                    delimiters.append(index)
                }
            }
            previous = character
            index = text.index(after: index)
        }
        guard delimiters.count >= 2 else { return nil }
        let open = delimiters[delimiters.count - 2]
        let close = delimiters[delimiters.count - 1]
        var end = close
        while end > open, text[text.index(before: end)] == "$" { end = text.index(before: end) }
        let content = text[text.index(after: open)..<end].trimmingCharacters(in: .whitespacesAndNewlines)
        return content.isEmpty ? nil : content
    }
}
