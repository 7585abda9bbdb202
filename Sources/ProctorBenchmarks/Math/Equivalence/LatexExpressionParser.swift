/// A recursive-descent parser from LaTeX answer tokens to a ``MathExpression``.
///
/// It reads `+ - * /`, `^`, implicit products (`2\sqrt{2}`, `3x`, `2(x+1)`), `\frac`, `\dfrac`,
/// `\tfrac`, `\binom` (`\dbinom`, `\tbinom`), `\sqrt`, `\sqrt[n]`, `\pi`, `e`, `i`, `\infty`, Greek letters and subscripted
/// variables, `|x|`, `n!` and the common functions. Input size and nesting depth are capped, so
/// parsing is bounded in time on any input; anything it does not understand is a
/// ``LatexParseError``, never a crash.
struct LatexExpressionParser {
    /// The most tokens an answer may have.
    static let tokenLimit = 400
    /// The deepest nesting accepted.
    static let depthLimit = 48

    private var tokens: [LatexToken]
    private var position = 0
    private var depth = 0
    private var absoluteValueDepth = 0

    /// Parses `text` as one expression.
    static func parse(_ text: Substring) throws(LatexParseError) -> MathExpression {
        guard let tokens = LatexToken.tokenize(text, limit: tokenLimit), !tokens.isEmpty else { throw LatexParseError() }
        var parser = LatexExpressionParser(tokens: tokens)
        let expression = try parser.expression()
        guard parser.position == parser.tokens.count else { throw LatexParseError() }
        return expression
    }

    private init(tokens: [LatexToken]) {
        self.tokens = tokens
    }

    private var current: LatexToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func advance() { position += 1 }

    private mutating func expect(_ symbol: Character) throws(LatexParseError) {
        guard current == .symbol(symbol) else { throw LatexParseError() }
        advance()
    }

    private mutating func descend() throws(LatexParseError) {
        depth += 1
        if depth > Self.depthLimit { throw LatexParseError() }
    }

    private mutating func expression() throws(LatexParseError) -> MathExpression {
        try descend()
        defer { depth -= 1 }
        var terms = [try signedTerm()]
        while let token = current, token == .symbol("+") || token == .symbol("-") {
            terms.append(try signedTerm())
        }
        return terms.count == 1 ? terms[0] : .sum(terms)
    }

    private mutating func signedTerm() throws(LatexParseError) -> MathExpression {
        if current == .symbol("+") {
            advance()
            return try signedTerm()
        }
        if current == .symbol("-") {
            advance()
            return .negation(try signedTerm())
        }
        return try term()
    }

    private mutating func term() throws(LatexParseError) -> MathExpression {
        var result = try power()
        while let token = current {
            if token == .symbol("*") {
                advance()
                result = product(result, try signedPower())
            } else if token == .symbol("/") {
                advance()
                result = .quotient(result, try signedPower())
            } else if startsPrimary(token) {
                result = product(result, try power())
            } else {
                break
            }
        }
        return result
    }

    private mutating func signedPower() throws(LatexParseError) -> MathExpression {
        if current == .symbol("-") {
            advance()
            return .negation(try signedPower())
        }
        return try power()
    }

    private func product(_ lhs: MathExpression, _ rhs: MathExpression) -> MathExpression {
        if case .product(let factors) = lhs { return .product(factors + [rhs]) }
        return .product([lhs, rhs])
    }

    private func startsPrimary(_ token: LatexToken) -> Bool {
        switch token {
        case .number, .letter: true
        case .command(let name): name != "cup" && name != "in" && name != "pm" && name != "mp"
        case .symbol(let symbol): symbol == "(" || symbol == "{" || (symbol == "|" && absoluteValueDepth == 0)
        }
    }

    private mutating func power() throws(LatexParseError) -> MathExpression {
        try descend()
        defer { depth -= 1 }
        let base = try postfix()
        guard current == .symbol("^") else { return base }
        advance()
        return .power(base, try exponentArgument())
    }

    /// A superscript: a braced group, a single digit, or one signed factor.
    private mutating func exponentArgument() throws(LatexParseError) -> MathExpression {
        if current == .symbol("-") {
            advance()
            return .negation(try exponentArgument())
        }
        return try singleArgument()
    }

    /// One macro argument: `{…}`, a single digit of a number token, a letter, or a command.
    private mutating func singleArgument() throws(LatexParseError) -> MathExpression {
        guard let token = current else { throw LatexParseError() }
        if case .number(let digits) = token, digits.count > 1, digits.first != "." {
            let first = digits.prefix(1)
            tokens[position] = .number(digits.dropFirst())
            guard let value = Rational(decimal: first) else { throw LatexParseError() }
            return .number(value)
        }
        if token == .symbol("{") {
            advance()
            let inner = try expression()
            try expect("}")
            return inner
        }
        return try postfix()
    }

    private mutating func postfix() throws(LatexParseError) -> MathExpression {
        var result = try primary()
        while current == .symbol("!") {
            advance()
            result = .factorial(result)
        }
        return result
    }

    private mutating func primary() throws(LatexParseError) -> MathExpression {
        try descend()
        defer { depth -= 1 }
        guard let token = current else { throw LatexParseError() }
        advance()
        switch token {
        case .number(let digits):
            if let value = Rational(decimal: digits) { return .number(value) }
            guard let approximate = Double(digits) else { throw LatexParseError() }
            return .approximate(approximate)
        case .letter(let letter):
            return try variableOrConstant(String(letter))
        case .symbol("("):
            let inner = try expression()
            try expect(")")
            return inner
        case .symbol("["):
            let inner = try expression()
            try expect("]")
            return inner
        case .symbol("{"):
            let inner = try expression()
            try expect("}")
            return inner
        case .symbol("|"):
            absoluteValueDepth += 1
            let inner = try expression()
            absoluteValueDepth -= 1
            try expect("|")
            return .function(.absoluteValue, inner)
        case .command(let name):
            return try command(name)
        case .symbol:
            throw LatexParseError()
        }
    }

    private mutating func variableOrConstant(_ name: String) throws(LatexParseError) -> MathExpression {
        if current == .symbol("_") {
            advance()
            let subscriptText: String
            switch current {
            case .number(let digits)?:
                subscriptText = String(digits)
                advance()
            case .letter(let letter)?:
                subscriptText = String(letter)
                advance()
            case .symbol("{")?:
                advance()
                var parts = ""
                while let token = current, token != .symbol("}") {
                    switch token {
                    case .number(let digits): parts += digits
                    case .letter(let letter): parts.append(letter)
                    default: throw LatexParseError()
                    }
                    advance()
                }
                try expect("}")
                subscriptText = parts
            default:
                throw LatexParseError()
            }
            return .variable("\(name)_\(subscriptText)")
        }
        switch name {
        case "e": return .constant(.e)
        case "i": return .constant(.i)
        default: return .variable(name)
        }
    }

    private static let greekLetters: Set<String> = [
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "kappa",
        "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "phi", "varphi", "chi", "psi", "omega",
    ]

    private mutating func command(_ name: String) throws(LatexParseError) -> MathExpression {
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let numerator = try singleArgument()
            let denominator = try singleArgument()
            return .quotient(numerator, denominator)
        case "sqrt":
            var index = MathExpression.number(Rational(2))
            if current == .symbol("[") {
                advance()
                index = try expression()
                try expect("]")
            }
            return .root(index: index, radicand: try singleArgument())
        case "binom", "dbinom", "tbinom":
            let n = try singleArgument()
            let k = try singleArgument()
            return .binomial(n, k)
        case "pi": return .constant(.pi)
        case "infty", "infin": return .constant(.infinity)
        case "mathrm", "mathit", "mathbf", "operatorname":
            return try styledName()
        case "sin": return try function(.sin)
        case "cos": return try function(.cos)
        case "tan": return try function(.tan)
        case "cot": return try function(.cot)
        case "sec": return try function(.sec)
        case "csc": return try function(.csc)
        case "arcsin": return try function(.arcsin)
        case "arccos": return try function(.arccos)
        case "arctan": return try function(.arctan)
        case "ln": return try function(.naturalLog)
        case "exp": return try function(.exp)
        case "log":
            if current == .symbol("_") {
                advance()
                guard case .number(let base) = try singleArgument(), base.doubleValue > 0 else { throw LatexParseError() }
                return try function(.log(base: base.doubleValue))
            }
            return try function(.log(base: 10))
        default:
            if Self.greekLetters.contains(name) { return try variableOrConstant(name) }
            throw LatexParseError()
        }
    }

    /// `\mathrm{e}` and friends: a single letter is that letter, a known function name is applied.
    private mutating func styledName() throws(LatexParseError) -> MathExpression {
        try expect("{")
        var name = ""
        while case .letter(let letter)? = current {
            name.append(letter)
            advance()
        }
        try expect("}")
        if name.count == 1 { return try variableOrConstant(name) }
        guard !name.isEmpty else { throw LatexParseError() }
        return try command(name)
    }

    private mutating func function(_ function: MathFunction) throws(LatexParseError) -> MathExpression {
        var exponent: MathExpression?
        if current == .symbol("^") {
            advance()
            exponent = try exponentArgument()
        }
        let argument = current == .symbol("(") ? try primary() : try power()
        var applied = MathExpression.function(function, argument)
        if let exponent {
            if exponent == .negation(.number(.one)) {
                switch function {
                case .sin: applied = .function(.arcsin, argument)
                case .cos: applied = .function(.arccos, argument)
                case .tan: applied = .function(.arctan, argument)
                default: applied = .power(applied, exponent)
                }
            } else {
                applied = .power(applied, exponent)
            }
        }
        return applied
    }
}

/// The answer is not an expression this parser reads.
struct LatexParseError: Error, Sendable {}
