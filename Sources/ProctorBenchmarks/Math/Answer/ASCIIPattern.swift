/// Literal search and replace of ASCII patterns over UTF-8 bytes. ASCII bytes never occur inside
/// a multi-byte UTF-8 sequence, so this is exactly Python's code-point `str.replace` and
/// `in`, and much faster than `String` searching.
enum ASCIIPattern {
    /// Whether `needle` occurs in `bytes`.
    static func contains(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        firstIndex(of: needle, in: bytes, from: 0) != nil
    }

    /// Every non-overlapping occurrence of `pattern`, left to right, replaced by `replacement`.
    static func replaceAll(_ pattern: [UInt8], with replacement: [UInt8], in bytes: inout [UInt8]) {
        guard var hit = firstIndex(of: pattern, in: bytes, from: 0) else { return }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        while true {
            output.append(contentsOf: bytes[copied..<hit])
            output.append(contentsOf: replacement)
            copied = hit + pattern.count
            guard let next = firstIndex(of: pattern, in: bytes, from: copied) else { break }
            hit = next
        }
        output.append(contentsOf: bytes[copied...])
        bytes = output
    }

    static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count - start >= needle.count else { return nil }
        let lastStart = bytes.count - needle.count
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { pattern in
                var candidate = start
                while candidate <= lastStart {
                    if haystack[candidate] == first {
                        var offset = 1
                        while offset < pattern.count, haystack[candidate + offset] == pattern[offset] { offset += 1 }
                        if offset == pattern.count { return candidate }
                    }
                    candidate += 1
                }
                return nil
            }
        }
    }
}
