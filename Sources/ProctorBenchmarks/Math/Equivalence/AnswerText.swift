/// String helpers for answers: bracket-aware splitting and the clean-up that comes before parsing.
enum AnswerText {
    /// Removes what never changes an answer's value: `$`, spacing commands, `\left`/`\right`,
    /// `\displaystyle`, degree marks, `\text{…}` wrappers, `\dfrac`/`\tfrac` spelling, spaces and a
    /// trailing full stop.
    static func clean(_ text: String) -> String {
        var result = text
        for (pattern, replacement) in replacements {
            if result.contains(pattern) { result = result.replacing(pattern, with: replacement) }
        }
        result = unwrapCommand("text", in: result)
        result = unwrapCommand("textbf", in: result)
        result = unwrapCommand("textit", in: result)
        result = unwrapCommand("mbox", in: result)
        result.removeAll { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "$" }
        while let last = result.last, last == "." || last == "," { result.removeLast() }
        return result
    }

    private static let replacements: [(String, String)] = [
        // lm-eval's normalisation deletes "ft", turning `\left(` into `\le(`, and rewrites `\sqrt[3]` as `\sqrt{[}3]`.
        ("\\le(", "("), ("\\le[", "["), ("\\le\\{", "\\{"), ("\\le|", "|"), ("\\le.", ""), ("\\sqrt{[}", "\\sqrt["),
        ("\\dfrac", "\\frac"), ("\\tfrac", "\\frac"), ("\\cfrac", "\\frac"),
        ("\\displaystyle", ""), ("\\left", ""), ("\\right", ""),
        ("^{\\circ}", ""), ("^\\circ", ""), ("\\circ", ""), ("\\degree", ""),
        ("\\!", ""), ("\\,", ""), ("\\;", ""), ("\\:", ""), ("\\ ", ""), ("~", ""),
        ("\\$", ""), ("\\dots", ""), ("\\ldots", ""), ("\\cdots", ""),
        ("\\{", "\u{2983}"), ("\\}", "\u{2984}"),
    ]

    /// `\name{body}` becomes `body` everywhere (balanced braces).
    static func unwrapCommand(_ name: String, in text: String) -> String {
        let opener = "\\" + name + "{"
        guard text.contains(opener) else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.firstRange(of: opener) {
            result += rest[..<range.lowerBound]
            let bodyStart = range.upperBound
            guard let close = matchingClose(in: rest, from: bodyStart, open: "{", close: "}") else {
                result += rest[range.lowerBound...]
                return result
            }
            result += rest[bodyStart..<close]
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The index of the brace that closes the group whose body starts at `start`.
    static func matchingClose(in text: Substring, from start: Substring.Index, open: Character, close: Character)
        -> Substring.Index?
    {
        var depth = 1
        var index = start
        while index < text.endIndex {
            if text[index] == open { depth += 1 }
            if text[index] == close {
                depth -= 1
                if depth == 0 { return index }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// Splits at `separator` where no bracket of any kind is open.
    static func splitTopLevel(_ text: Substring, separator: String) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var partStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if "([{\u{2983}".contains(character) {
                depth += 1
            } else if ")]}\u{2984}".contains(character) {
                depth -= 1
            } else if depth == 0, text[index...].hasPrefix(separator) {
                parts.append(text[partStart..<index])
                index = text.index(index, offsetBy: separator.count)
                partStart = index
                continue
            }
            index = text.index(after: index)
        }
        parts.append(text[partStart...])
        return parts
    }

    /// Whether the bracket opening at the first character closes at the last one.
    static func isEnclosed(_ text: Substring) -> Bool {
        guard text.count >= 2, let first = text.first, "([\u{2983}".contains(first), let last = text.last,
            ")]\u{2984}".contains(last)
        else { return false }
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if "([{\u{2983}".contains(character) { depth += 1 }
            if ")]}\u{2984}".contains(character) { depth -= 1 }
            index = text.index(after: index)
            if depth == 0 { return index == text.endIndex }
        }
        return false
    }
}
