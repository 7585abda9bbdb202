/// Finds the JSON in a model's answer.
///
/// ``robust(_:)`` is Proctor's: the whole text, else the first fenced code block that is JSON,
/// else the first balanced object in the prose, at any depth. ``edgeJSON(_:)`` is EdgeJSON's
/// `eval.py` (`extract_json_from_text`) to the letter: `json.loads` of the stripped text, else the
/// first match of `\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}` that parses — objects with at most one level
/// of inner braces.
public enum JSONExtractor {
    /// What was found and the rule that found it.
    public struct Found: Sendable, Hashable {
        /// The value.
        public var value: JSONValue
        /// `whole`, `fenced`, `balanced` (robust) or `whole`, `regex` (EdgeJSON).
        public var rule: String
    }

    /// Proctor's extraction.
    public static func robust(_ text: String) -> Found? {
        if let value = JSONValueParser.parse(text) { return Found(value: value, rule: "whole") }
        for block in fencedBlocks(text) {
            if let value = JSONValueParser.parse(block) { return Found(value: value, rule: "fenced") }
        }
        let bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] == UInt8(ascii: "{") {
            if let (value, _) = JSONValueParser.parsePrefix(bytes, from: index), case .object = value {
                return Found(value: value, rule: "balanced")
            }
        }
        return nil
    }

    /// The last balanced JSON object in `text` (fences and prose around it ignored): what a
    /// rubric judge is asked to end its answer with.
    public static func lastObject(in text: String) -> JSONValue? {
        let bytes = Array(text.utf8)
        var last: JSONValue?
        var index = 0
        while index < bytes.count {
            // A top-level object is skipped whole, so braces inside it (nested objects, strings)
            // are never mistaken for the last one.
            if bytes[index] == UInt8(ascii: "{"), let (value, end) = JSONValueParser.parsePrefix(bytes, from: index),
                case .object = value
            {
                last = value
                index = end
            } else {
                index += 1
            }
        }
        return last
    }

    /// EdgeJSON's `extract_json_from_text`.
    public static func edgeJSON(_ text: String) -> Found? {
        if let value = JSONValueParser.parse(pythonStrip(text)) { return Found(value: value, rule: "whole") }
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            guard bytes[start] == UInt8(ascii: "{") else {
                start += 1
                continue
            }
            guard let end = regexMatchEnd(bytes, from: start) else {
                start += 1
                continue
            }
            let candidate = String(decoding: bytes[start..<end], as: UTF8.self)
            if let value = JSONValueParser.parse(candidate) { return Found(value: value, rule: "regex") }
            start = end
        }
        return nil
    }

    /// Where `\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}` matching at `start` ends (exclusive), or `nil`. The
    /// character classes exclude braces, so no backtracking can change the outcome: the match
    /// exists only if the greedy walk ends on `}`.
    static func regexMatchEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        let open = UInt8(ascii: "{")
        let close = UInt8(ascii: "}")
        func skip(_ index: Int) -> Int {
            var index = index
            while index < bytes.count, bytes[index] != open, bytes[index] != close { index += 1 }
            return index
        }
        var index = skip(start + 1)
        while index < bytes.count, bytes[index] == open {
            let inner = skip(index + 1)
            guard inner < bytes.count, bytes[inner] == close else { break }
            index = skip(inner + 1)
        }
        guard index < bytes.count, bytes[index] == close else { return nil }
        return index + 1
    }

    /// The contents of each ```` ``` ```` block (an optional language word after the fence).
    static func fencedBlocks(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        let tick = UInt8(ascii: "`")
        func fence(from start: Int) -> Int? {
            var index = start
            while index + 2 < bytes.count {
                if bytes[index] == tick, bytes[index + 1] == tick, bytes[index + 2] == tick { return index }
                index += 1
            }
            return nil
        }
        var blocks: [String] = []
        var position = 0
        while let open = fence(from: position) {
            guard let lineEnd = bytes[(open + 3)...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            guard let close = fence(from: lineEnd + 1) else { break }
            blocks.append(String(decoding: bytes[(lineEnd + 1)..<close], as: UTF8.self))
            position = close + 3
        }
        return blocks
    }

    /// Python's `str.strip()`: leading and trailing whitespace.
    static func pythonStrip(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
