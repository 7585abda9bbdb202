/// String helpers for answers: bracket-aware splitting and the clean-up that comes before parsing.
enum AnswerText {
    /// Removes what never changes an answer's value: `$`, spacing commands, `\left`/`\right`,
    /// `\displaystyle`, degree marks, `\text{…}` wrappers, `\dfrac`/`\tfrac` spelling, spaces and a
    /// trailing full stop.
    static func clean(_ text: String) -> String {
        var bytes = Array(text.utf8)
        for (pattern, replacement) in replacementBytes {
            ASCIIPattern.replaceAll(pattern, with: replacement, in: &bytes)
        }
        var result = String(decoding: bytes, as: UTF8.self)
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
        ("\\{", "\u{1}"), ("\\}", "\u{2}"),
    ]

    private static let replacementBytes = replacements.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// `\name{body}` becomes `body` everywhere (balanced braces).
    static func unwrapCommand(_ name: String, in text: String) -> String {
        let opener = "\\" + name + "{"
        guard ASCIIPattern.contains(Array(opener.utf8), in: Array(text.utf8)) else { return text }
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
        let bytes = text.utf8
        let pattern = Array(separator.utf8)
        var parts: [Substring] = []
        var depth = 0
        var partStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if opening.contains(byte) {
                depth += 1
            } else if closing.contains(byte) {
                depth -= 1
            } else if depth == 0, byte == pattern[0], bytes[index...].starts(with: pattern) {
                parts.append(text[partStart..<index])
                index = bytes.index(index, offsetBy: pattern.count)
                partStart = index
                continue
            }
            index = bytes.index(after: index)
        }
        parts.append(text[partStart...])
        return parts
    }

    /// Whether the bracket opening at the first character closes at the last one.
    static func isEnclosed(_ text: Substring) -> Bool {
        let bytes = text.utf8
        guard bytes.count >= 2, let first = bytes.first, "([\u{1}".utf8.contains(first), let last = bytes.last,
            ")]\u{2}".utf8.contains(last)
        else { return false }
        var depth = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if opening.contains(bytes[index]) { depth += 1 }
            if closing.contains(bytes[index]) { depth -= 1 }
            index = bytes.index(after: index)
            if depth == 0 { return index == bytes.endIndex }
        }
        return false
    }

    /// `(`, `[`, `{` and the set opener `\{` (stored as U+0001).
    private static let opening: [UInt8] = [0x28, 0x5B, 0x7B, 0x01]
    /// `)`, `]`, `}` and the set closer `\}` (stored as U+0002).
    private static let closing: [UInt8] = [0x29, 0x5D, 0x7D, 0x02]
}
