/// Decides whether a predicted answer means the same as the reference, natively and within a
/// bounded time on any input.
///
/// In order: string equality after clean-up; `\text{…}` words; equations and `x \in S` reduced to
/// their right-hand side; then the answers' structure — matrices element by element, tuples and
/// intervals in order with their brackets, unordered lists and sets as multisets — and for each
/// element numbers and LaTeX expressions compared by exact rational arithmetic, by numeric
/// evaluation when irrational, and at several pseudo-random points when they have variables.
///
/// ```swift
/// MathEquivalence.compare("\\frac12", "0.5")          // equivalent, rule "exact"
/// MathEquivalence.compare("2\\sqrt{2}", "\\sqrt{8}")  // equivalent, rule "numeric"
/// MathEquivalence.compare("[2,5)", "(2,5]")           // not equivalent, rule "interval"
/// ```
public enum MathEquivalence {
    /// Answers longer than this are compared as strings only.
    public static let lengthLimit = 1_000
    /// Relative tolerance of numeric comparisons.
    static let tolerance = 1e-9
    /// Sample points for expressions with variables.
    static let pointCount = 5

    /// Compares two answers (normalised or raw LaTeX).
    public static func compare(_ prediction: String, _ reference: String) -> MathVerdict {
        if prediction == reference { return MathVerdict(equivalent: true, rule: "string") }
        guard prediction.utf8.count <= lengthLimit, reference.utf8.count <= lengthLimit else {
            return MathVerdict(equivalent: false, rule: "too-long")
        }
        let predicted = AnswerText.clean(prediction)
        let expected = AnswerText.clean(reference)
        if predicted.isEmpty || expected.isEmpty {
            return MathVerdict(equivalent: false, rule: "string")
        }
        if predicted == expected { return MathVerdict(equivalent: true, rule: "string") }
        if let verdict = compareWords(predicted, expected) { return verdict }
        var verdict = compareShapes(AnswerShape.of(Substring(predicted)), AnswerShape.of(Substring(expected)))
        let isEquation = { (text: String) in AnswerShape.rightHandSide(Substring(text)).count != text.count }
        if verdict.equivalent, isEquation(predicted) || isEquation(expected) { verdict.rule = "equation" }
        return verdict
    }

    /// Words such as `\text{(C)}`, `Evelyn` or `odd`: compared without brackets and punctuation,
    /// case-insensitively when longer than one letter. `nil` when either side has digits or operators.
    private static func compareWords(_ lhs: String, _ rhs: String) -> MathVerdict? {
        guard let left = word(lhs), let right = word(rhs) else { return nil }
        let equal = left.count > 1 || right.count > 1 ? left.lowercased() == right.lowercased() : left == right
        return MathVerdict(equivalent: equal, rule: "text")
    }

    private static func word(_ text: String) -> String? {
        let letters = text.filter { $0.isLetter }
        guard !letters.isEmpty, !text.utf8.contains(UInt8(ascii: "\\")),
            text.allSatisfy({ $0.isLetter || "()[]{}:'\"".contains($0) })
        else { return nil }
        // A lone lower-case letter is more likely a variable than a word; leave it to algebra.
        if letters.count == 1, letters.first?.isLowercase == true { return nil }
        return letters
    }

    private static func compareShapes(_ lhs: AnswerShape, _ rhs: AnswerShape) -> MathVerdict {
        switch (lhs, rhs) {
        case (.single(let left, let leftPercent), .single(let right, let rightPercent)):
            return compareExpressions(left, leftPercent, right, rightPercent)
        case (.bracketed(let leftOpen, let leftClose, let left), .bracketed(let rightOpen, let rightClose, let right)):
            let rule = leftOpen == "[" || leftClose == "]" || rightOpen == "[" || rightClose == "]" ? "interval" : "tuple"
            guard leftOpen == rightOpen, leftClose == rightClose, left.count == right.count else {
                return MathVerdict(equivalent: false, rule: rule)
            }
            return MathVerdict(equivalent: zip(left, right).allSatisfy { elementsMatch($0, $1) }, rule: rule)
        case (.unordered(let left), .unordered(let right)):
            return MathVerdict(equivalent: multisetsMatch(left, right), rule: "set")
        case (.unordered(let items), .bracketed(_, _, let parts)), (.bracketed(_, _, let parts), .unordered(let items)):
            // `1,2` against `(1,2)`: the same elements in the same order count; brackets are left out.
            guard items.count == parts.count else { return MathVerdict(equivalent: false, rule: "tuple") }
            let equal = zip(items, parts).allSatisfy { item, part in
                compareShapes(item, .single(part, percent: false)).equivalent
            }
            return MathVerdict(equivalent: equal, rule: "tuple")
        case (.matrix(let left), .matrix(let right)):
            guard left.count == right.count, zip(left, right).allSatisfy({ $0.count == $1.count }) else {
                return MathVerdict(equivalent: false, rule: "matrix")
            }
            let equal = zip(left, right).allSatisfy { zip($0, $1).allSatisfy { elementsMatch($0, $1) } }
            return MathVerdict(equivalent: equal, rule: "matrix")
        case (.unordered(let items), .single), (.single, .unordered(let items)):
            if items.count == 1, case .single(let text, let percent) = items[0] {
                let other = lhs == .unordered(items) ? rhs : lhs
                return compareShapes(.single(text, percent: percent), other)
            }
            return MathVerdict(equivalent: false, rule: "shape")
        default:
            return MathVerdict(equivalent: false, rule: "shape")
        }
    }

    private static func elementsMatch(_ lhs: Substring, _ rhs: Substring) -> Bool {
        lhs == rhs || compareShapes(AnswerShape.of(lhs), AnswerShape.of(rhs)).equivalent
    }

    /// Every element of one side pairs with a distinct equivalent element of the other.
    private static func multisetsMatch(_ lhs: [AnswerShape], _ rhs: [AnswerShape]) -> Bool {
        guard lhs.count == rhs.count, lhs.count <= 64 else { return false }
        var unused = rhs
        for item in lhs {
            guard let match = unused.firstIndex(where: { compareShapes(item, $0).equivalent }) else { return false }
            unused.remove(at: match)
        }
        return true
    }

    private static func compareExpressions(_ lhs: Substring, _ lhsPercent: Bool, _ rhs: Substring, _ rhsPercent: Bool)
        -> MathVerdict
    {
        if lhs == rhs { return MathVerdict(equivalent: true, rule: lhsPercent == rhsPercent ? "string" : "percent") }
        guard let left = parse(lhs), let right = parse(rhs) else { return MathVerdict(equivalent: false, rule: "unparsed") }
        let verdict = ExpressionComparison.compare(left, right)
        if lhsPercent == rhsPercent { return verdict }
        if verdict.equivalent { return MathVerdict(equivalent: true, rule: "percent") }
        // `10\%` against `0.1`: the percentage read as a fraction.
        let hundred = MathExpression.number(Rational(100))
        let percentVerdict =
            lhsPercent
            ? ExpressionComparison.compare(.quotient(left, hundred), right)
            : ExpressionComparison.compare(left, .quotient(right, hundred))
        return MathVerdict(equivalent: percentVerdict.equivalent, rule: "percent")
    }

    /// Parses one element, reading a mixed number (`2\frac{1}{2}`), thousands separators
    /// (`1,000.5`) and scientific notation (`1.5e3`) first.
    static func parse(_ text: Substring) -> MathExpression? {
        if let number = NumberLiteral.parse(text) { return number }
        return try? LatexExpressionParser.parse(text)
    }
}
