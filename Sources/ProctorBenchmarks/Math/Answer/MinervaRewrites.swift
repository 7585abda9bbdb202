/// The regular-expression steps of lm-eval's `normalize_final_answer`, written out over Unicode
/// scalars with exactly Python `re.sub`'s semantics (leftmost match, non-overlapping, `.` never
/// matching LF), because `NSRegularExpression` was most of the scoring time.
enum MinervaRewrites {
    private static let newline: Unicode.Scalar = "\n"
    private static let dollar: Unicode.Scalar = "$"
    private static let closeBrace: Unicode.Scalar = "}"
    private static let openBrace: Unicode.Scalar = "{"

    /// `re.sub(r"(.*?)(\$)(.*?)(\$)(.*)", "$\3$", s)`: on every line with two or more `$`, the
    /// whole line becomes its first `$…$` span.
    static func firstDollarSpanPerLine(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.lazy.filter({ $0 == dollar }).count >= 2 else { return scalars }
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var lineStart = 0
        while lineStart <= scalars.count {
            let lineEnd = scalars[lineStart...].firstIndex(of: newline) ?? scalars.count
            let line = scalars[lineStart..<lineEnd]
            if let first = line.firstIndex(of: dollar), let second = line[(first + 1)...].firstIndex(of: dollar) {
                output.append(dollar)
                output.append(contentsOf: scalars[(first + 1)..<second])
                output.append(dollar)
            } else {
                output.append(contentsOf: line)
            }
            if lineEnd < scalars.count { output.append(newline) }
            lineStart = lineEnd + 1
        }
        return output
    }

    /// `re.sub(r"(\\name\{)(.*?)(\})", r"\2", s)` (`greedy: false`) or `(.*)` (`greedy: true`):
    /// `\name{…}` unwrapped up to the next (or the line's last) `}`.
    static func unwrap(_ marker: [Unicode.Scalar], greedy: Bool, in scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        var copied = 0
        var position = 0
        while let start = firstIndex(of: marker, in: scalars, from: position) {
            let bodyStart = start + marker.count
            let lineEnd = scalars[bodyStart...].firstIndex(of: newline) ?? scalars.count
            let line = scalars[bodyStart..<lineEnd]
            guard let close = greedy ? line.lastIndex(of: closeBrace) : line.firstIndex(of: closeBrace) else {
                position = start + 1
                continue
            }
            output.append(contentsOf: scalars[copied..<start])
            output.append(contentsOf: scalars[bodyStart..<close])
            copied = close + 1
            position = copied
        }
        guard copied > 0 else { return scalars }
        output.append(contentsOf: scalars[copied...])
        return output
    }

    /// `re.sub(r"(frac)([^{])(.)", r"frac{\2}{\3}", s)`.
    static func fracShorthand(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        rewrite(Array("frac".unicodeScalars), in: scalars, arguments: 2) { arguments in
            Array("frac{".unicodeScalars) + [arguments[0]] + Array("}{".unicodeScalars) + [arguments[1], "}"]
        }
    }

    /// `re.sub(r"(sqrt)([^{])", r"sqrt{\2}", s)`.
    static func sqrtShorthand(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        rewrite(Array("sqrt".unicodeScalars), in: scalars, arguments: 1) { arguments in
            Array("sqrt{".unicodeScalars) + [arguments[0], "}"]
        }
    }

    /// `word` followed by a scalar other than `{` and, for two arguments, one more scalar other
    /// than LF, replaced by `template(arguments)`.
    private static func rewrite(
        _ word: [Unicode.Scalar], in scalars: [Unicode.Scalar], arguments count: Int,
        template: ([Unicode.Scalar]) -> [Unicode.Scalar]
    ) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        var copied = 0
        var position = 0
        while let start = firstIndex(of: word, in: scalars, from: position) {
            let first = start + word.count
            let end = first + count
            guard end <= scalars.count, scalars[first] != openBrace, count == 1 || scalars[first + 1] != newline else {
                position = start + 1
                continue
            }
            output.append(contentsOf: scalars[copied..<start])
            output.append(contentsOf: template(Array(scalars[first..<end])))
            copied = end
            position = end
        }
        guard copied > 0 else { return scalars }
        output.append(contentsOf: scalars[copied...])
        return output
    }

    private static func firstIndex(of needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard scalars.count >= needle.count, start <= scalars.count - needle.count else { return nil }
        var candidate = start
        while candidate <= scalars.count - needle.count {
            if scalars[candidate] == needle[0] {
                var offset = 1
                while offset < needle.count, scalars[candidate + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return candidate }
            }
            candidate += 1
        }
        return nil
    }
}
