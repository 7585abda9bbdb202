/// The outer structure of a cleaned answer: one expression, or several parts whose order and
/// brackets may matter.
enum AnswerShape: Sendable, Hashable {
    /// A single expression, with whether it was written as a percentage.
    case single(Substring, percent: Bool)
    /// Parts in brackets where order matters: a point, a vector or an interval, e.g. `[2,5)`.
    case bracketed(open: Character, close: Character, parts: [Substring])
    /// Parts whose order does not matter: `1,-2`, `\{1,2\}`, `1\pm\sqrt2` or a union of intervals.
    case unordered([AnswerShape])
    /// A matrix, row by row.
    case matrix([[Substring]])

    /// Reads the structure of `text` (already cleaned).
    static func of(_ text: Substring) -> AnswerShape {
        var body = rightHandSide(text)
        if let matrix = matrix(body) { return matrix }
        let unions = AnswerText.splitTopLevel(body, separator: "\\cup")
        if unions.count > 1 { return .unordered(unions.map(of)) }
        if body.first == "\u{1}", body.last == "\u{2}", AnswerText.isEnclosed(body) {
            let inner = body.dropFirst().dropLast()
            return .unordered(AnswerText.splitTopLevel(inner, separator: ",").map(of))
        }
        if AnswerText.isEnclosed(body), let open = body.first, let close = body.last {
            let parts = AnswerText.splitTopLevel(body.dropFirst().dropLast(), separator: ",")
            if parts.count > 1 { return .bracketed(open: open, close: close, parts: parts) }
        }
        if NumberLiteral.hasThousandsSeparators(body) { return .single(body, percent: false) }
        let items = AnswerText.splitTopLevel(body, separator: ",")
        if items.count > 1 { return .unordered(items.map(of)) }
        let plusMinus = AnswerText.splitTopLevel(body, separator: "\\pm")
        if plusMinus.count == 2 {
            let (lhs, rhs) = (plusMinus[0], plusMinus[1])
            let prefix = lhs.isEmpty ? "" : "\(lhs)"
            return .unordered([
                .single(Substring("\(prefix)+(\(rhs))"), percent: false),
                .single(Substring("\(prefix)-(\(rhs))"), percent: false),
            ])
        }
        var percent = false
        for mark in ["\\%", "%"] where body.hasSuffix(mark) {
            body = body.dropLast(mark.count)
            percent = true
        }
        return .single(body, percent: percent)
    }

    /// `x=3` → `3`, `x\in[2,5)` → `[2,5)`: a left-hand side that is only a name is dropped.
    static func rightHandSide(_ text: Substring) -> Substring {
        for separator in ["=", "\\in"] {
            let parts = AnswerText.splitTopLevel(text, separator: separator)
            guard parts.count == 2 else { continue }
            let lhs = parts[0]
            if !lhs.isEmpty, lhs.count <= 12, lhs.allSatisfy({ $0.isLetter || $0.isNumber || "_{}()\\".contains($0) }) {
                return parts[1]
            }
        }
        return text
    }

    private static let matrixEnvironments = ["pmatrix", "bmatrix", "matrix", "vmatrix", "Bmatrix", "smallmatrix"].map {
        (begin: "\\begin{\($0)}", end: "\\end{\($0)}")
    }

    private static func matrix(_ text: Substring) -> AnswerShape? {
        guard text.utf8.starts(with: "\\begin{".utf8) else { return nil }
        for (begin, end) in matrixEnvironments {
            guard text.hasPrefix(begin), text.hasSuffix(end), text.count >= begin.count + end.count else { continue }
            let body = text.dropFirst(begin.count).dropLast(end.count)
            let rows = AnswerText.splitTopLevel(body, separator: "\\\\").filter { !$0.isEmpty }
            return .matrix(rows.map { AnswerText.splitTopLevel($0, separator: "&") })
        }
        return nil
    }
}
