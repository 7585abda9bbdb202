/// Rewrites that keep the meaning of two answer forms lm-eval's normalisation destroys, applied
/// before it when building the comparable form (never to the stored lm-eval string):
///
/// - a repeating decimal `0.1\overline{6}` (or `\bar{6}`) loses its bar when `\overline{}` is
///   unwrapped and would equal `0.16`; it becomes the exact fraction `\frac{1}{6}`;
/// - a mixed number written with a space, `3 1/2`, loses the space and would read `31/2`; it
///   becomes `3\frac{1}{2}`, which the comparer reads as 7/2.
enum ComparableRewrites {
    /// `text` with both rewrites applied; untouched when it holds neither form.
    static func apply(_ text: String) -> String {
        var result = text
        if result.contains("\\overline") || result.contains("\\bar") { result = repeatingDecimals(result) }
        if result.contains(" "), result.contains("/") { result = spacedMixedNumbers(result) }
        return result
    }

    /// Every `I.A\overline{R}` / `I.A\bar{R}` (with `I` and `A` possibly empty) as `\frac{p}{q}`.
    static func repeatingDecimals(_ text: String) -> String {
        rewritingMatches(in: text, with: repeatingDecimal(in:at:))
    }

    /// `text` with every match `rewrite` finds (scanning left to right, resuming after each
    /// match) replaced by what it returns.
    private static func rewritingMatches(
        in text: String, with rewrite: ([Character], Int) -> (String, Int)?
    ) -> String {
        let characters = Array(text)
        var output = ""
        var index = 0
        while index < characters.count {
            if let (replacement, end) = rewrite(characters, index) {
                output += replacement
                index = end
            } else {
                output.append(characters[index])
                index += 1
            }
        }
        return output
    }

    /// The repeating decimal starting at `start` (its first digit or its point) as a fraction, and
    /// where it ends.
    private static func repeatingDecimal(in characters: [Character], at start: Int) -> (String, Int)? {
        if start > 0, characters[start - 1].isASCIIDigit { return nil }
        var index = start
        let integer = digits(in: characters, from: &index)
        guard index < characters.count, characters[index] == "." else { return nil }
        index += 1
        let fixed = digits(in: characters, from: &index)
        var repeating = ""
        for command in ["\\overline{", "\\bar{"] where repeating.isEmpty {
            let marker = Array(command)
            guard index + marker.count <= characters.count, Array(characters[index..<index + marker.count]) == marker else {
                continue
            }
            var cursor = index + marker.count
            let body = digits(in: characters, from: &cursor)
            guard !body.isEmpty, cursor < characters.count, characters[cursor] == "}" else { return nil }
            repeating = body
            index = cursor + 1
        }
        guard !repeating.isEmpty, fixed.count + repeating.count <= 16, integer.count <= 12 else { return nil }
        // I.A(R) = I + (AR − A) / (10^|A| · (10^|R| − 1))
        let scale = power10(fixed.count)
        let denominator = scale * (power10(repeating.count) - 1)
        let numerator = (Int64(fixed + repeating) ?? 0) - (Int64(fixed) ?? 0)
        let (whole, overflow) = (Int64(integer) ?? 0).multipliedReportingOverflow(by: denominator)
        guard !overflow else { return nil }
        let (total, sumOverflow) = whole.addingReportingOverflow(numerator)
        guard !sumOverflow else { return nil }
        return ("\\frac{\(total)}{\(denominator)}", index)
    }

    /// Every `W N/D` (a proper fraction after whole digits and spaces) as `W\frac{N}{D}`.
    static func spacedMixedNumbers(_ text: String) -> String {
        rewritingMatches(in: text, with: mixedNumber(in:at:))
    }

    private static func mixedNumber(in characters: [Character], at start: Int) -> (String, Int)? {
        guard characters[start].isASCIIDigit, start == 0 || !"0123456789./^{_".contains(characters[start - 1]) else {
            return nil
        }
        var index = start
        let whole = digits(in: characters, from: &index)
        let spacesStart = index
        while index < characters.count, characters[index] == " " { index += 1 }
        guard index > spacesStart else { return nil }
        let numerator = digits(in: characters, from: &index)
        guard !numerator.isEmpty, index < characters.count, characters[index] == "/" else { return nil }
        index += 1
        let denominator = digits(in: characters, from: &index)
        guard !denominator.isEmpty, index == characters.count || !"0123456789.^".contains(characters[index]),
            let top = Int64(numerator), let bottom = Int64(denominator), top < bottom
        else { return nil }
        return ("\(whole)\\frac{\(numerator)}{\(denominator)}", index)
    }

    private static func digits(in characters: [Character], from index: inout Int) -> String {
        var result = ""
        while index < characters.count, characters[index].isASCIIDigit, result.count < 20 {
            result.append(characters[index])
            index += 1
        }
        return result
    }

    private static func power10(_ exponent: Int) -> Int64 {
        (0..<exponent).reduce(Int64(1)) { value, _ in value * 10 }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
