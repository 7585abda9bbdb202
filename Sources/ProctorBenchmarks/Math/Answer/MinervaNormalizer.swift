import Foundation

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
/// code-point `str.replace`. Patterns follow Python `re` semantics (`.` stops at LF only).
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

    private static let firstDollarSpan = NSRegularExpressionBox(pattern: #"(.*?)(\$)(.*?)(\$)(.*)"#)
    private static let unwrappers: [(marker: String, regex: NSRegularExpressionBox)] = [
        ("\\text{", NSRegularExpressionBox(pattern: #"(\\text\{)(.*?)(\})"#)),
        ("\\textbf{", NSRegularExpressionBox(pattern: #"(\\textbf\{)(.*?)(\})"#)),
        ("\\overline{", NSRegularExpressionBox(pattern: #"(\\overline\{)(.*?)(\})"#)),
        ("\\boxed{", NSRegularExpressionBox(pattern: #"(\\boxed\{)(.*)(\})"#)),
    ]
    private static let fracShorthand = NSRegularExpressionBox(pattern: #"(frac)([^{])(.)"#)
    private static let sqrtShorthand = NSRegularExpressionBox(pattern: #"(sqrt)([^{])"#)

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
        var bytes = Array(answer.utf8)
        if forComparison {
            while bytes.contains(rowBreakSpace) { replaceAll(rowBreakSpace, with: rowBreak, in: &bytes) }
        } else if let lastEquals = bytes.lastIndex(of: UInt8(ascii: "=")) {
            bytes.removeSubrange(...lastEquals)
        }
        for (pattern, replacement) in replacementTable {
            replaceAll(pattern, with: replacement, in: &bytes)
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if bytes.lazy.filter({ $0 == UInt8(ascii: "$") }).count >= 2 {
            text = firstDollarSpan.replaceAll(in: text, with: "\\$$3\\$")
        }
        for (marker, regex) in unwrappers where text.contains(marker) {
            text = regex.replaceAll(in: text, with: "$2")
        }
        if text.contains("frac") { text = fracShorthand.replaceAll(in: text, with: "frac{$2}{$3}") }
        if text.contains("sqrt") { text = sqrtShorthand.replaceAll(in: text, with: "sqrt{$2}") }
        text.removeAll { $0 == "$" }
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

    /// Python's `str.replace(pattern, replacement)` on UTF-8 bytes, left to right, non-overlapping.
    static func replaceAll(_ pattern: [UInt8], with replacement: [UInt8], in bytes: inout [UInt8]) {
        guard let first = pattern.first, bytes.count >= pattern.count else { return }
        guard let firstHit = bytes.firstIndex(of: first) else { return }
        var output: [UInt8] = []
        var changed = false
        var index = 0
        var candidate = firstHit
        while candidate <= bytes.count - pattern.count {
            if bytes[candidate] == first, bytes[candidate..<candidate + pattern.count].elementsEqual(pattern) {
                if !changed {
                    output.reserveCapacity(bytes.count)
                    changed = true
                }
                output.append(contentsOf: bytes[index..<candidate])
                output.append(contentsOf: replacement)
                candidate += pattern.count
                index = candidate
            } else {
                candidate += 1
            }
        }
        guard changed else { return }
        output.append(contentsOf: bytes[index...])
        bytes = output
    }
}
