import Foundation
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
        /// Rubric: every criterion read from the last JSON object.
        public static let criteria = "last JSON object"
        /// Rubric: no JSON object in the output.
        public static let noJSON = "no JSON object"
        /// Rubric: the last JSON object lacks a criterion, or one is not an integer 1–5.
        public static let malformedCriteria = "criteria missing or out of range"
        /// Grade: `GRADE: C` or `GRADE: I` was found.
        public static func grade(_ letter: String) -> String { "GRADE: \(letter)" }
        /// Grade: no `GRADE:` with C or I.
        public static let noGrade = "no grade"
    }

    /// The verdict in `text` read in `format`, or `nil`, and the rule that decided.
    public static func verdict(in text: String, format: VerdictFormat) -> (verdict: JudgeVerdict?, rule: String) {
        switch format {
        case .rating:
            let parsed = rating(in: text)
            return (parsed.rating.map(JudgeVerdict.rating), parsed.rule)
        case .pair:
            let parsed = winner(in: text)
            return (parsed.winner.map(JudgeVerdict.winner), parsed.rule)
        case .criteria(let names): return criteria(in: text, names: names)
        case .grade: return grade(in: text)
        }
    }

    /// The rubric scores in the last JSON object of `text`: each of `names` must be an integer
    /// 1–5 (a number or a numeric string); anything else leaves the judgment unscored.
    public static func criteria(in text: String, names: [String]) -> (verdict: JudgeVerdict?, rule: String) {
        guard case .object(let object) = JSONExtractor.lastObject(in: text) else { return (nil, Rule.noJSON) }
        var scores: [CriterionScore] = []
        for name in names {
            let value: Double? =
                switch object[name] {
                case .integer(let number): Double(number)
                case .number(let number): number
                case .string(let text): Double(text.trimmingCharacters(in: .whitespaces))
                default: nil
                }
            guard let value, value.rounded() == value, (1...5).contains(value) else { return (nil, Rule.malformedCriteria) }
            scores.append(CriterionScore(name: name, score: value))
        }
        return (.criteria(scores), Rule.criteria)
    }

    /// inspect's grade: the letter after the last `GRADE:` (`(?is).*(?<!\w)GRADE(?!\w)\s*:\s*(\w*)`),
    /// `C` correct and `I` incorrect; any other letter is no verdict.
    ///
    /// The leading `.*` picks the rightmost `GRADE` after which the rest matches; run as written,
    /// ICU retried it from every position, which took 50 s on a 46 KB output with no grade (found
    /// by the judge-verdicts fuzz target). The same answer comes from each whole-word `GRADE`
    /// (one regex pass), last first, with the rest — `\s*:\s*(\w*)` — read after it by ICU's
    /// definitions of `\s` and `\w` (a regex call per candidate converted the whole text each
    /// time: 5 s for 15,000 of them).
    public static func grade(in text: String) -> (verdict: JudgeVerdict?, rule: String) {
        let words = gradeWord.value.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length))
        for word in words.reversed() {
            guard let found = Range(word.range, in: text) else { continue }
            let scalars = text.unicodeScalars
            var index = found.upperBound
            while index < scalars.endIndex, isICUSpace(scalars[index]) { index = scalars.index(after: index) }
            guard index < scalars.endIndex, scalars[index] == ":" else { continue }
            index = scalars.index(after: index)
            while index < scalars.endIndex, isICUSpace(scalars[index]) { index = scalars.index(after: index) }
            let letters = index
            while index < scalars.endIndex, isICUWord(scalars[index]) { index = scalars.index(after: index) }
            switch String(scalars[letters..<index]).uppercased() {
            case "C": return (.grade(correct: true), Rule.grade("C"))
            case "I": return (.grade(correct: false), Rule.grade("I"))
            default: return (nil, Rule.noGrade)
            }
        }
        return (nil, Rule.noGrade)
    }

    /// `GRADE` as a whole word, in any case: where inspect's pattern can begin.
    private static let gradeWord = NSRegularExpressionBox(pattern: #"(?i)(?<!\w)GRADE(?!\w)"#)

    /// ICU's `\s`: the White_Space property (tab to carriage return, NEL, the Z categories).
    private static func isICUSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    /// ICU's `\w`: `[\p{Alphabetic}\p{Mark}\p{Decimal_Number}\p{Connector_Punctuation}\u200c\u200d]`.
    private static func isICUWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isAlphabetic || scalar == "\u{200C}" || scalar == "\u{200D}" { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
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
