/// lm-eval's `last_boxed_only_string` and `remove_boxed`: the content of the last `\boxed{…}`
/// (balanced braces), of `\boxed x` (up to the next `$`), or of the last `\fbox{…}`.
public enum BoxedAnswer {
    /// The last boxed answer in `text` without its wrapper, or `nil` when there is none or its
    /// braces never close.
    public static func last(in text: String) -> String? {
        guard let boxed = lastBoxedOnlyString(text) else { return nil }
        return removeBoxed(boxed)
    }

    /// `last_boxed_only_string`: the whole last `\boxed{…}` or `\fbox{…}`, wrapper included.
    static func lastBoxedOnlyString(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        if let spaced = lastRange(of: boxedSpace, in: bytes) {
            // Python: "\\boxed " + string.split("\\boxed ")[-1].split("$")[0]
            let end = bytes[spaced.upperBound...].firstIndex(of: UInt8(ascii: "$")) ?? bytes.endIndex
            return "\\boxed " + String(decoding: bytes[spaced.upperBound..<end], as: UTF8.self)
        }
        guard let start = lastRange(of: boxed, in: bytes)?.lowerBound
            ?? lastRange(of: fbox, in: bytes)?.lowerBound
        else { return nil }
        var depth = 0
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{") { depth += 1 }
            if bytes[index] == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return String(decoding: bytes[start...index], as: UTF8.self) }
            }
            index += 1
        }
        return nil
    }

    /// `remove_boxed`, extended to `\fbox{…}` (where lm-eval's assertion would fail).
    static func removeBoxed(_ text: String) -> String? {
        if text.contains("\\boxed ") {
            return text.hasPrefix("\\boxed ") ? String(text.dropFirst(7)) : nil
        }
        for opener in ["\\boxed{", "\\fbox{"] where text.hasPrefix(opener) && text.hasSuffix("}") {
            return String(text.dropFirst(opener.count).dropLast())
        }
        return nil
    }

    private static let boxed = Array("\\boxed".utf8)
    private static let boxedSpace = Array("\\boxed ".utf8)
    private static let fbox = Array("\\fbox".utf8)

    /// The last occurrence of `needle` in `bytes`.
    private static func lastRange(of needle: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        guard bytes.count >= needle.count else { return nil }
        var start = bytes.count - needle.count
        while start >= 0 {
            var offset = 0
            while offset < needle.count, bytes[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return start..<start + needle.count }
            start -= 1
        }
        return nil
    }
}
