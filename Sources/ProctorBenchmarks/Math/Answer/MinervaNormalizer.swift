/// lm-evaluation-harness's `normalize_final_answer` (minerva_math `utils.py`, after Lewkowycz et
/// al. 2022, appendix D), step for step:
///
/// 1. keep what follows the last `=`;
/// 2. apply ``substitutions`` in order;
/// 3. delete every one of ``removedExpressions`` in order;
/// 4. keep the first `$…$` span; unwrap `\text{}`, `\textbf{}`, `\overline{}`, `\boxed{}`;
/// 5. rewrite `\fracab` to `\frac{a}{b}` and `\sqrta` to `\sqrt{a}`;
/// 6. drop every `$`;
/// 7. drop the commas of an all-digit answer (`100,000` → `100000`).
///
/// Literal replacements run on UTF-8 bytes: every pattern is ASCII, so this is exactly Python's
/// code-point `str.replace`; the `re.sub` steps are ``MinervaRewrites``.
public enum MinervaNormalizer {
    /// `SUBSTITUTIONS`, in lm-eval's order.
    public static let substitutions: [(String, String)] = [
        ("an ", ""), ("a ", ""), (".$", "$"), ("\\$", ""), ("\\ ", ""), (" ", ""), ("mbox", "text"),
        (",\\text{and}", ","), ("\\text{and}", ","), ("\\text{m}", "\\text{}"),
    ]

    /// `REMOVED_EXPRESSIONS`, in lm-eval's order.
    public static let removedExpressions: [String] = [
        "square", "ways", "integers", "dollars", "mph", "inches", "ft", "hours", "km", "units", "\\ldots", "sue",
        "points", "feet", "minutes", "digits", "cents", "degrees", "cm", "gm", "pounds", "meters", "meals", "edges",
        "students", "childrentickets", "multiples", "\\text{s}", "\\text{.}", "\\text{\ns}", "\\text{}^2",
        "\\text{}^3", "\\text{\n}", "\\text{}", "\\mathrm{th}", "^\\circ", "^{\\circ}", "\\;", ",\\!", "{,}", "\"",
        "\\dots",
    ]

    private static let replacementTable: [([UInt8], [UInt8])] =
        substitutions.map { (Array($0.0.utf8), Array($0.1.utf8)) } + removedExpressions.map { (Array($0.utf8), []) }

    private static let unwrappedCommands: [(scalars: [Unicode.Scalar], greedy: Bool)] = [
        ("\\text{", false), ("\\textbf{", false), ("\\overline{", false), ("\\boxed{", true),
    ].map { (Array($0.0.unicodeScalars), $0.1) }

    /// The normalised form of `answer`, exactly as lm-eval computes it.
    public static func normalize(_ answer: String) -> String {
        normalize(answer, forComparison: false)
    }

    /// The form ``MathEquivalence`` compares: lm-eval's steps except the two that lose meaning —
    /// keeping only what follows the last `=` (`x=1,x=2` became `2`) and dropping the commas of
    /// digit strings (`1,2` became `12`) — and with spaces after a `\\` row break kept out of the
    /// `\ ` substitution (which turned `1&2\\ 3&4` into `1&2\3&4`). Equations, lists and
    /// thousands separators are read by the comparer itself.
    public static func comparable(_ answer: String) -> String {
        normalize(answer, forComparison: true)
    }

    private static let rowBreakSpace = Array("\\\\ ".utf8)
    private static let rowBreak = Array("\\\\".utf8)

    private static func normalize(_ answer: String, forComparison: Bool) -> String {
        var bytes = Array((forComparison ? ComparableRewrites.apply(answer) : answer).utf8)
        if forComparison {
            while ASCIIPattern.contains(rowBreakSpace, in: bytes) {
                ASCIIPattern.replaceAll(rowBreakSpace, with: rowBreak, in: &bytes)
            }
        } else if let lastEquals = bytes.lastIndex(of: UInt8(ascii: "=")) {
            bytes.removeSubrange(...lastEquals)
        }
        for (pattern, replacement) in replacementTable {
            ASCIIPattern.replaceAll(pattern, with: replacement, in: &bytes)
        }
        var scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        scalars = MinervaRewrites.firstDollarSpanPerLine(scalars)
        for command in unwrappedCommands {
            scalars = MinervaRewrites.unwrap(command.scalars, greedy: command.greedy, in: scalars)
        }
        scalars = MinervaRewrites.fracShorthand(scalars)
        scalars = MinervaRewrites.sqrtShorthand(scalars)
        scalars.removeAll { $0 == "$" }
        var text = String(String.UnicodeScalarView(scalars))
        if forComparison { return text }
        let withoutCommas = text.filter { $0 != "," }
        if isPythonDigitString(withoutCommas) { text = withoutCommas }
        return text
    }

    /// Python's `str.isdigit()`: non-empty, every code point a decimal or digit character.
    static func isPythonDigitString(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                let type = scalar.properties.numericType
                return type == .decimal || type == .digit
            }
    }
}
