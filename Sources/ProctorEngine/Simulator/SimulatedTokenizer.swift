/// The simulator's tokenizer: a token is a run of non-space Unicode scalars with the spaces before
/// it, so token counts are exact and easy to predict in tests. It works on scalars, not
/// characters: grapheme breaking was a tenth of the zero-latency simulator's time.
enum SimulatedTokenizer {
    static func tokens(_ text: String) -> [Substring] {
        let scalars = text.unicodeScalars
        var tokens: [Substring] = []
        var start = scalars.startIndex
        var seenWord = false
        for index in scalars.indices {
            let isSpace = isWhitespace(scalars[index])
            if !isSpace { seenWord = true }
            if isSpace, seenWord {
                tokens.append(Substring(scalars[start..<index]))
                start = index
                seenWord = false
            }
        }
        if start < scalars.endIndex { tokens.append(Substring(scalars[start...])) }
        return tokens
    }

    static func count(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// Unicode's White_Space property, with ASCII answered without a table lookup.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }
}
