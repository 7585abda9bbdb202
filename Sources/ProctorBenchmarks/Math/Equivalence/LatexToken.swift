/// One lexical unit of a LaTeX math answer.
enum LatexToken: Sendable, Hashable {
    /// Digits with at most one decimal point, e.g. `12.5`.
    case number(Substring)
    /// A single letter, e.g. `x`.
    case letter(Character)
    /// A control word without its backslash, e.g. `frac`.
    case command(String)
    /// Any other character: operators, brackets, `^`, `_`, `!`, `,`.
    case symbol(Character)

    /// Splits `text` into tokens; spacing commands and `\left`/`\right` are dropped, `\cdot`,
    /// `\times` and `\ast` become `*`, `\div` becomes `/`. Returns `nil` past `limit` tokens.
    static func tokenize(_ text: Substring, limit: Int) -> [LatexToken]? {
        var tokens: [LatexToken] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard tokens.count <= limit else { return nil }
            let character = text[index]
            if character.isASCII, character.isNumber || (character == "." && nextIsDigit(text, after: index)) {
                let start = index
                var seenPoint = false
                while index < text.endIndex, text[index].isASCII,
                    text[index].isNumber || (text[index] == "." && !seenPoint && nextIsDigit(text, after: index))
                {
                    if text[index] == "." { seenPoint = true }
                    index = text.index(after: index)
                }
                tokens.append(.number(text[start..<index]))
                continue
            }
            if character == "\\" {
                let nameStart = text.index(after: index)
                var nameEnd = nameStart
                while nameEnd < text.endIndex, text[nameEnd].isASCII, text[nameEnd].isLetter {
                    nameEnd = text.index(after: nameEnd)
                }
                if nameEnd == nameStart {
                    // A control symbol such as `\{`, `\,` or `\!`.
                    guard nameStart < text.endIndex else { return nil }
                    let symbol = text[nameStart]
                    index = text.index(after: nameStart)
                    switch symbol {
                    case ",", "!", ";", ":", " ": continue
                    case "{", "}", "%", "$": tokens.append(.symbol(symbol))
                    default: return nil
                    }
                    continue
                }
                var name = String(text[nameStart..<nameEnd])
                index = nameEnd
                // Spaces were removed upstream, so `\pi r` arrives as `\pir`: split a known command off.
                if !knownCommands.contains(name), let known = knownCommands.filter({ name.hasPrefix($0) }).max(by: { $0.count < $1.count }) {
                    index = text.index(nameStart, offsetBy: known.count)
                    name = known
                }
                switch name {
                case "left", "right", "displaystyle", "quad", "qquad", "big", "Big", "bigl", "bigr", "Bigl", "Bigr":
                    continue
                case "cdot", "times", "ast": tokens.append(.symbol("*"))
                case "div": tokens.append(.symbol("/"))
                default: tokens.append(.command(name))
                }
                continue
            }
            index = text.index(after: index)
            if character == " " || character == "\n" || character == "\t" || character == "~" { continue }
            if character.isASCII, character.isLetter {
                tokens.append(.letter(character))
            } else {
                tokens.append(.symbol(character))
            }
        }
        return tokens
    }

    /// Commands the parser knows, for splitting run-together names such as `\cdotx`.
    static let knownCommands: Set<String> = [
        "cdot", "times", "ast", "div", "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "sqrt", "pi", "infty", "sin", "cos", "tan", "cot",
        "sec", "csc", "arcsin", "arccos", "arctan", "ln", "log", "exp", "alpha", "beta", "gamma", "delta", "theta", "lambda",
        "mu", "phi", "omega", "sigma", "tau", "rho", "left", "right", "pm", "cup", "in",
    ]

    private static func nextIsDigit(_ text: Substring, after index: Substring.Index) -> Bool {
        let next = text.index(after: index)
        return next < text.endIndex && text[next].isASCII && text[next].isNumber
    }
}
