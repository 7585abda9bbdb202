import ProctorCore

/// A single-pass reader for streamed chat-completion chunks. It materialises only the fields
/// Proctor uses — `model`, `choices[0].delta.content`, `choices[0].finish_reason`, `usage`,
/// `error` — and skips everything else without building objects.
///
/// It is a fast path, not a second JSON implementation: on anything it does not expect (invalid
/// JSON, a shape other than the OpenAI one) it returns `nil` and ``ChatChunk`` falls back to
/// `JSONSerialization`, which has the final word.
package struct ChunkScanner {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    /// Values nested deeper than this in fields Proctor skips are left to the general parser.
    private static let maximumDepth = 64

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Scans `json`; `nil` means "use the general parser".
    package static func scan(_ json: some Collection<UInt8>) -> ChatChunk? {
        var scanner = ChunkScanner(Array(json))
        var chunk = ChatChunk()
        guard scanner.readObject({ key, scanner in
            if scanner.key(key, is: "model") {
                chunk.model = try scanner.readStringOrNull()
            } else if scanner.key(key, is: "choices") {
                try scanner.readChoices(into: &chunk)
            } else if scanner.key(key, is: "usage") {
                try scanner.readUsage(into: &chunk)
            } else if scanner.key(key, is: "error") {
                return false
            } else {
                try scanner.skipValue()
            }
            return true
        }) else { return nil }
        scanner.skipWhitespace()
        return scanner.index == scanner.bytes.count ? chunk : nil
    }

    private struct Unexpected: Error {}

    private mutating func readChoices(into chunk: inout ChatChunk) throws {
        skipWhitespace()
        if try readNull() { return }
        try readArray { position, scanner in
            guard position == 0 else { return try scanner.skipValue() }
            chunk.hasChoices = true
            guard scanner.readObject({ key, scanner in
                if scanner.key(key, is: "delta") {
                    guard scanner.readObject({ key, scanner in
                        if scanner.key(key, is: "content") { chunk.content = try scanner.readStringOrNull() } else { try scanner.skipValue() }
                        return true
                    }) else { throw Unexpected() }
                } else if scanner.key(key, is: "finish_reason") {
                    chunk.finishReason = try scanner.readStringOrNull()
                } else if scanner.key(key, is: "index") {
                    _ = try scanner.readInteger()
                } else {
                    try scanner.skipValue()
                }
                return true
            }) else { throw Unexpected() }
        }
    }

    /// Reads an array, calling `element` with each element's position and the scanner at it.
    private mutating func readArray(_ element: (Int, inout ChunkScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        var position = 0
        while true {
            skipWhitespace()
            try element(position, &self)
            position += 1
            skipWhitespace()
            if peek() == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "]"))
            return
        }
    }

    private mutating func readUsage(into chunk: inout ChatChunk) throws {
        skipWhitespace()
        if try readNull() { return }
        var prompt = 0
        var completion = 0
        guard readObject({ key, scanner in
            if scanner.key(key, is: "prompt_tokens") {
                prompt = try scanner.readInteger()
            } else if scanner.key(key, is: "completion_tokens") {
                completion = try scanner.readInteger()
            } else {
                try scanner.skipValue()
            }
            return true
        }) else { throw Unexpected() }
        // A negative or absurd count is for the general parser to name.
        guard (0...ChatChunk.maximumTokens).contains(prompt), (0...ChatChunk.maximumTokens).contains(completion) else { throw Unexpected() }
        chunk.usage = .init(promptTokens: prompt, completionTokens: completion)
    }

    /// Reads an object, calling `field` for each key (where its bytes lie; a key with escapes is
    /// unexpected) with the scanner positioned at its value; `field` returns `false` to give up.
    /// Returns `false` on anything unexpected.
    private mutating func readObject(_ field: (Range<Int>, inout ChunkScanner) throws -> Bool) -> Bool {
        do {
            skipWhitespace()
            try expect(UInt8(ascii: "{"))
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                index += 1
                return true
            }
            while true {
                skipWhitespace()
                let key = try readKey()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
                guard try field(key, &self) else { return false }
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "}"))
                return true
            }
        } catch {
            return false
        }
    }

    /// Whether the key at `range` is `name`.
    private func key(_ range: Range<Int>, is name: StaticString) -> Bool {
        range.count == name.utf8CodeUnitCount
            && bytes.withUnsafeBufferPointer { buffer in
                UnsafeBufferPointer(rebasing: buffer[range]).elementsEqual(
                    UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            }
    }

    /// Reads an ASCII key without escapes and returns where its bytes lie; any other key is for
    /// the general parser (which also checks its UTF-8).
    private mutating func readKey() throws -> Range<Int> {
        try expect(UInt8(ascii: "\""))
        let start = index
        while let byte = peek(), byte != UInt8(ascii: "\"") {
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { throw Unexpected() }
            index += 1
        }
        try expect(UInt8(ascii: "\""))
        return start..<(index - 1)
    }

    /// Skips a string, checking its escapes and its UTF-8, without building it.
    private mutating func skipString() throws {
        try expect(UInt8(ascii: "\""))
        let start = index
        var ascii = true
        while true {
            guard let byte = peek() else { throw Unexpected() }
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                // Escapes are ASCII, so the raw bytes are valid UTF-8 exactly when the text is.
                guard ascii || String(validating: bytes[start..<index - 1], as: UTF8.self) != nil else { throw Unexpected() }
                return
            case UInt8(ascii: "\\"): _ = try readEscape()
            default:
                guard byte >= 0x20 else { throw Unexpected() }
                if byte >= 0x80 { ascii = false }
            }
        }
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else { throw Unexpected() }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func readNull() throws -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        guard index + 4 <= bytes.count, bytes[index..<index + 4].elementsEqual("null".utf8) else { throw Unexpected() }
        index += 4
        return true
    }

    private mutating func readStringOrNull() throws -> String? {
        try readNull() ? nil : readString()
    }

    /// Reads a JSON integer; fractions, exponents and out-of-range values are for the general parser.
    private mutating func readInteger() throws -> Int {
        let start = index
        try skipNumber()
        guard let value = Int(String(decoding: bytes[start..<index], as: UTF8.self)) else { throw Unexpected() }
        return value
    }

    /// Skips a number as JSON writes one: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, and
    /// within a `Double`'s range, as `JSONSerialization` requires (`2.5e2222` is refused there).
    /// Swift's `Double` alone also takes `+1`, `01`, `1.` and `.5`, which are not JSON.
    private mutating func skipNumber() throws {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else {
            guard skipDigits() else { throw Unexpected() }
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() else { throw Unexpected() }
        }
        var exponent = false
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            exponent = true
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() else { throw Unexpected() }
        }
        if let byte = peek(), Self.isDigit(byte) { throw Unexpected() }
        // Only an exponent or over 300 digits can leave a Double's range; the usual numbers of a
        // chunk (`created`, `index`) skip the conversion.
        guard exponent || index - start > 300 else { return }
        guard Double(String(decoding: bytes[start..<index], as: UTF8.self))?.isFinite == true else { throw Unexpected() }
    }

    /// Skips a run of digits; whether there was one.
    private mutating func skipDigits() -> Bool {
        let start = index
        while let byte = peek(), Self.isDigit(byte) { index += 1 }
        return index > start
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Reads a JSON string, decoding escapes (surrogate pairs included).
    private mutating func readString() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        while let byte = peek(), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
            guard byte >= 0x20 else { throw Unexpected() }
            index += 1
        }
        // Invalid UTF-8 is for the general parser to refuse, never to be repaired into U+FFFD.
        if peek() == UInt8(ascii: "\"") {
            defer { index += 1 }
            guard let text = String(validating: bytes[start..<index], as: UTF8.self) else { throw Unexpected() }
            return text
        }
        var scalars = String.UnicodeScalarView()
        guard let head = String(validating: bytes[start..<index], as: UTF8.self) else { throw Unexpected() }
        scalars.append(contentsOf: head.unicodeScalars)
        var raw: [UInt8] = []
        while true {
            guard let byte = peek() else { throw Unexpected() }
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let tail = String(validating: raw, as: UTF8.self) else { throw Unexpected() }
                scalars.append(contentsOf: tail.unicodeScalars)
                return String(scalars)
            case UInt8(ascii: "\\"):
                guard let part = String(validating: raw, as: UTF8.self) else { throw Unexpected() }
                scalars.append(contentsOf: part.unicodeScalars)
                raw.removeAll(keepingCapacity: true)
                scalars.append(try readEscape())
            default:
                guard byte >= 0x20 else { throw Unexpected() }
                raw.append(byte)
            }
        }
    }

    private mutating func readEscape() throws -> Unicode.Scalar {
        guard let byte = peek() else { throw Unexpected() }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try readHex4()
            if (0xD800..<0xDC00).contains(high) {
                guard peek() == UInt8(ascii: "\\") else { throw Unexpected() }
                index += 1
                try expect(UInt8(ascii: "u"))
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                else { throw Unexpected() }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw Unexpected() }
            return scalar
        default: throw Unexpected()
        }
    }

    private mutating func readHex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw Unexpected() }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Unexpected()
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    /// Skips any JSON value, checking its syntax.
    private mutating func skipValue() throws {
        skipWhitespace()
        guard let byte = peek() else { throw Unexpected() }
        if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
            depth += 1
            guard depth <= Self.maximumDepth else { throw Unexpected() }
        }
        defer { if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth -= 1 } }
        switch byte {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"):
            guard readObject({ _, scanner in
                try scanner.skipValue()
                return true
            }) else { throw Unexpected() }
        case UInt8(ascii: "["): try readArray { _, scanner in try scanner.skipValue() }
        case UInt8(ascii: "t"): try skipLiteral("true")
        case UInt8(ascii: "f"): try skipLiteral("false")
        case UInt8(ascii: "n"): try skipLiteral("null")
        default:
            try skipNumber()
        }
    }

    private mutating func skipLiteral(_ literal: String) throws {
        let count = literal.utf8.count
        guard index + count <= bytes.count, bytes[index..<index + count].elementsEqual(literal.utf8) else { throw Unexpected() }
        index += count
    }
}
