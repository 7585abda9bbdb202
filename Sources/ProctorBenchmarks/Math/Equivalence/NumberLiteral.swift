/// Plain numbers written in ways the LaTeX parser does not read: thousands separators
/// (`12,345.6`), scientific notation (`1.5e-3`, `2E5`) and mixed numbers (`3\frac{1}{4}`).
enum NumberLiteral {
    /// The number's exact (or, when too large, approximate) value; `nil` when `text` is none of these.
    static func parse(_ text: Substring) -> MathExpression? {
        var body = text
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        guard let value = thousands(body) ?? scientific(body) ?? mixed(body) else { return nil }
        return negative ? .negation(value) : value
    }

    /// Whether `text` is digits grouped by commas in threes, such as `1,000` or `-12,345.5`.
    static func hasThousandsSeparators(_ text: Substring) -> Bool {
        let body = text.first == "-" ? text.dropFirst() : text
        return thousands(body) != nil
    }

    private static func thousands(_ text: Substring) -> MathExpression? {
        guard text.utf8.contains(UInt8(ascii: ",")) else { return nil }
        let integerPart = text.prefix { $0 != "." }
        let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count),
            groups.dropFirst().allSatisfy({ $0.count == 3 }),
            groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let fraction = text[integerPart.endIndex...]
        guard fraction.isEmpty || (fraction.count > 1 && fraction.dropFirst().allSatisfy { $0.isASCII && $0.isNumber })
        else { return nil }
        let digits = Substring(groups.joined() + fraction)
        if let exact = Rational(decimal: digits) { return .number(exact) }
        return Double(digits).map(MathExpression.approximate)
    }

    private static func scientific(_ text: Substring) -> MathExpression? {
        guard let first = text.utf8.first, (0x30...0x39).contains(first) else { return nil }
        guard let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return nil }
        let mantissa = text[..<marker]
        var exponent = text[text.index(after: marker)...]
        var negativeExponent = false
        if let sign = exponent.first, sign == "-" || sign == "+" {
            negativeExponent = sign == "-"
            exponent = exponent.dropFirst()
        }
        guard !mantissa.isEmpty, mantissa.first != ".", let value = Rational(decimal: mantissa), !exponent.isEmpty,
            exponent.count <= 3, let power = Int64(exponent)
        else { return nil }
        let scale = MathExpression.power(.number(Rational(10)), .number(Rational(negativeExponent ? -power : power)))
        return .product([.number(value), scale])
    }

    private static func mixed(_ text: Substring) -> MathExpression? {
        guard let first = text.utf8.first, (0x30...0x39).contains(first), text.utf8.contains(UInt8(ascii: "\\")),
            let fractionStart = text.firstRange(of: "\\frac{") else { return nil }
        let whole = text[..<fractionStart.lowerBound]
        guard !whole.isEmpty, let wholeValue = Rational(decimal: whole), wholeValue.isInteger else { return nil }
        let rest = text[fractionStart.upperBound...]
        guard let split = rest.firstRange(of: "}{"), rest.last == "}" else { return nil }
        let numerator = rest[..<split.lowerBound]
        let denominator = rest[split.upperBound...].dropLast()
        guard let top = Rational(decimal: numerator), let bottom = Rational(decimal: denominator), top.isInteger,
            bottom.isInteger, top.numerator < bottom.numerator, bottom.numerator > 0,
            let fraction = Rational(top.numerator, bottom.numerator), let sum = wholeValue + fraction
        else { return nil }
        return .number(sum)
    }
}
