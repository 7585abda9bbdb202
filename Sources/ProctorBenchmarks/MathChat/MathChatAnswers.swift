import Foundation
public import ProctorCore

/// Gold and predicted answers for MathChat's problem-solving tasks, by Proctor's rule (the
/// authors' extractor is unpublished): gold from GSM8K's `#### N` (round 1, error correction) or
/// from a reference turn's `\ANSWER{…}` (follow-up rounds 2 and 3); the prediction is GSM8K's
/// `flexible-extract` (the last number-like token) without `,` and `$`; equal within 1e-6.
public enum MathChatAnswers {
    static let flexible = RegexExtractor(name: "flexible-extract", pattern: #"(-?[$0-9.,]{2,})|(-?[0-9]+)"#, select: .last)

    /// The number after GSM8K's last `####`.
    public static func gsm8kGold(_ answer: String) -> Double? {
        guard let range = answer.range(of: "####", options: .backwards) else { return nil }
        return number(in: String(answer[range.upperBound...]))
    }

    /// The number in the last `\ANSWER{…}` (balanced braces) of a reference turn, or `nil` when the
    /// turn has none or it holds no number (then the round is unscored for that row).
    public static func answerTag(_ text: String) -> Double? {
        guard let start = text.range(of: "\\ANSWER{", options: .backwards) else { return nil }
        var depth = 1
        var index = start.upperBound
        while index < text.endIndex {
            if text[index] == "{" { depth += 1 }
            if text[index] == "}" {
                depth -= 1
                if depth == 0 { break }
            }
            index = text.index(after: index)
        }
        return number(in: String(text[start.upperBound..<index]))
    }

    /// The first number in `text` (`,` and `$` removed; `a/b` read as a fraction).
    static func number(in text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "$", with: "")
        guard let match = cleaned.range(of: #"-?[0-9]*\.?[0-9]+(?:\s*/\s*[0-9]+)?"#, options: .regularExpression) else {
            return nil
        }
        let token = cleaned[match]
        let parts = token.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let numerator = Double(parts[0]), let denominator = Double(parts[1]), denominator != 0 {
            return numerator / denominator
        }
        return Double(token)
    }

    /// The verdict of extractor `name` on `response` against `gold` (`nil`: the row has no gold
    /// for this round, so it is unscorable and counted apart).
    public static func score(_ response: String, gold: Double?, name: String) -> ExtractorOutput {
        let extracted = flexible.extract(from: response)
        var predicted: Double?
        if let extracted {
            var text = extracted.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "$", with: "")
            while text.hasSuffix(".") { text.removeLast() }
            predicted = Double(text)
        }
        var correct = false
        if let predicted, let gold { correct = abs(predicted - gold) < 1e-6 }
        var output = ExtractorOutput(
            name: name, extracted: extracted, normalized: predicted.map { String($0) } ?? "[invalid]", correct: correct,
            rule: "last-number")
        if gold == nil { output.unscorable = UnscorableReason.noReference }
        return output
    }
}
