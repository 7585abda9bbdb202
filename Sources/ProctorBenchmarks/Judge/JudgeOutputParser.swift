public import ProctorCore

/// Reads a judge's verdict exactly as FastChat's `common.py` does, and names the rule that read it.
///
/// Single ratings: the first `[[n]]` (`\[\[(\d+\.?\d*)\]\]`), else the first `[n]`
/// (`\[(\d+\.?\d*)\]`), its number read as Python's `ast.literal_eval` reads it; no match is
/// FastChat's −1, an unscored judgment. Ratings are not range-checked, as in FastChat.
/// Pairwise: `[[A]]` anywhere, else `[[B]]`, else `[[C]]` (a tie), else no verdict.
public enum JudgeOutputParser {
    /// The rule names stored with each judgment.
    public enum Rule {
        /// The rating came from `[[n]]`.
        public static let doubleBracket = "[[n]]"
        /// The rating came from the backup `[n]`.
        public static let singleBracket = "[n]"
        /// Neither pattern matched (FastChat: rating −1).
        public static let noRating = "no rating"
        /// A pattern matched a number Python cannot read (`[[07]]`: leading zeros); FastChat's
        /// `ast.literal_eval` raises there and its script stops; Proctor leaves it unscored.
        public static let invalidNumber = "invalid number"
        /// Pairwise: `[[A]]`, `[[B]]` or `[[C]]` was found.
        public static func pair(_ label: String) -> String { "[[\(label)]]" }
        /// Pairwise: none of the three was found (FastChat: `error`).
        public static let noVerdict = "no verdict"
    }

    /// The rating in `text`, or `nil`, and the rule that decided.
    public static func rating(in text: String) -> (rating: Double?, rule: String) {
        let bytes = Array(text.utf8)
        if let number = firstBracketedNumber(in: bytes, double: true) {
            return literal(number).map { ($0, Rule.doubleBracket) } ?? (nil, Rule.invalidNumber)
        }
        if let number = firstBracketedNumber(in: bytes, double: false) {
            return literal(number).map { ($0, Rule.singleBracket) } ?? (nil, Rule.invalidNumber)
        }
        return (nil, Rule.noRating)
    }

    /// The pairwise winner in `text`, as the judge labelled the assistants, or `nil`, and the rule.
    public static func winner(in text: String) -> (winner: PairWinner?, rule: String) {
        if text.contains("[[A]]") { return (.a, Rule.pair("A")) }
        if text.contains("[[B]]") { return (.b, Rule.pair("B")) }
        if text.contains("[[C]]") { return (.tie, Rule.pair("C")) }
        return (nil, Rule.noVerdict)
    }

    /// The digits of the first `[[d+.?d*]]` (or `[d+.?d*]`) in `bytes`, as `re.search` finds it.
    private static func firstBracketedNumber(in bytes: [UInt8], double: Bool) -> ArraySlice<UInt8>? {
        let open: [UInt8] = double ? [0x5B, 0x5B] : [0x5B]
        let close: [UInt8] = double ? [0x5D, 0x5D] : [0x5D]
        var start = 0
        while start + open.count <= bytes.count {
            defer { start += 1 }
            guard bytes[start..<start + open.count].elementsEqual(open) else { continue }
            var index = start + open.count
            let digitsStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > digitsStart else { continue }
            if index < bytes.count, bytes[index] == 0x2E {
                index += 1
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            // `\d*` backtracks, but the byte after the longest run is never a digit, so the
            // longest match is the only one that can be followed by the closing bracket.
            guard index + close.count <= bytes.count, bytes[index..<index + close.count].elementsEqual(close) else { continue }
            return bytes[digitsStart..<index]
        }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The number as `ast.literal_eval` reads it: `5`, `5.`, `5.5`, `05.5`; an integer with a
    /// leading zero (`07`, but not `0` or `00`) is a syntax error in Python 3.
    private static func literal(_ digits: ArraySlice<UInt8>) -> Double? {
        let text = String(decoding: digits, as: UTF8.self)
        if !text.contains("."), text.count > 1, text.hasPrefix("0"), text.contains(where: { $0 != "0" }) { return nil }
        return Double(text.hasSuffix(".") ? text + "0" : text)
    }
}
