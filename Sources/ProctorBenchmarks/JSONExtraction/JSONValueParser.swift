/// Parses JSON text the way Python's `json.loads` does (strict mode): one value, surrounding
/// whitespace allowed, `NaN`, `Infinity` and `-Infinity` accepted, control characters inside
/// strings refused. ``parsePrefix(_:from:)`` reads one value starting anywhere and says where it
/// ends, which finds a JSON object inside prose.
public enum JSONValueParser {
    /// The deepest nesting accepted (Python's recursion limit is about 1,000; this is far below it
    /// and far above any real answer).
    public static let maximumDepth = 512

    /// The value that is all of `text`, or `nil` when it is not JSON.
    public static func parse(_ text: String) -> JSONValue? {
        let bytes = Array(text.utf8)
        var index = skipWhitespace(bytes, 0)
        guard let value = parseValue(bytes, &index, depth: 0) else { return nil }
        index = skipWhitespace(bytes, index)
        return index == bytes.count ? value : nil
    }

    /// The value that starts at byte `start` of `bytes` and the index just past it, or `nil`.
    public static func parsePrefix(_ bytes: [UInt8], from start: Int) -> (value: JSONValue, end: Int)? {
        var index = start
        guard let value = parseValue(bytes, &index, depth: 0) else { return nil }
        return (value, index)
    }

    static func skipWhitespace(_ bytes: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index
    }

    private static func parseValue(_ bytes: [UInt8], _ index: inout Int, depth: Int) -> JSONValue? {
        guard index < bytes.count, depth <= maximumDepth else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"): return parseObject(bytes, &index, depth: depth + 1)
        case UInt8(ascii: "["): return parseArray(bytes, &index, depth: depth + 1)
        case UInt8(ascii: "\""): return parseString(bytes, &index).map(JSONValue.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true), bytes, &index)
        case UInt8(ascii: "f"): return literal("false", .bool(false), bytes, &index)
        case UInt8(ascii: "n"): return literal("null", .null, bytes, &index)
        case UInt8(ascii: "N"): return literal("NaN", .number(.nan), bytes, &index)
        case UInt8(ascii: "I"): return literal("Infinity", .number(.infinity), bytes, &index)
        default: return parseNumber(bytes, &index)
        }
    }

    private static func literal(_ word: String, _ value: JSONValue, _ bytes: [UInt8], _ index: inout Int) -> JSONValue? {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, bytes[index..<index + expected.count].elementsEqual(expected) else {
            return nil
        }
        index += expected.count
        return value
    }

    private static func parseObject(_ bytes: [UInt8], _ index: inout Int, depth: Int) -> JSONValue? {
        index += 1
        var object = JSONObject()
        index = skipWhitespace(bytes, index)
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(object)
        }
        while true {
            index = skipWhitespace(bytes, index)
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = parseString(bytes, &index) else { return nil }
            index = skipWhitespace(bytes, index)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index = skipWhitespace(bytes, index + 1)
            guard let value = parseValue(bytes, &index, depth: depth) else { return nil }
            object[key] = value
            index = skipWhitespace(bytes, index)
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(object)
            } else {
                return nil
            }
        }
    }

    private static func parseArray(_ bytes: [UInt8], _ index: inout Int, depth: Int) -> JSONValue? {
        index += 1
        var elements: [JSONValue] = []
        index = skipWhitespace(bytes, index)
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            index = skipWhitespace(bytes, index)
            guard let value = parseValue(bytes, &index, depth: depth) else { return nil }
            elements.append(value)
            index = skipWhitespace(bytes, index)
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            } else {
                return nil
            }
        }
    }

    private static func parseString(_ bytes: [UInt8], _ index: inout Int) -> String? {
        index += 1
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flush(_ end: Int) {
            scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flush(index)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { return nil }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            flush(index)
            guard index + 1 < bytes.count else { return nil }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                guard var code = hex4(bytes, index) else { return nil }
                index += 4
                if (0xD800..<0xDC00).contains(code), index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u"), let low = hex4(bytes, index + 2), (0xDC00..<0xE000).contains(low)
                {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                // A lone surrogate (Python keeps it) becomes U+FFFD: Swift strings hold none.
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: return nil
            }
            runStart = index
        }
        return nil
    }

    private static func hex4(_ bytes: [UInt8], _ start: Int) -> UInt32? {
        guard start + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[start..<start + 4] {
            guard let digit = hexDigit(byte) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }

    private static func parseNumber(_ bytes: [UInt8], _ index: inout Int) -> JSONValue? {
        let start = index
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "I") {
                guard literal("Infinity", .number(-.infinity), bytes, &index) != nil else { return nil }
                return .number(-.infinity)
            }
        }
        guard index < bytes.count, isDigit(bytes[index]) else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        var isInteger = true
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), isDigit(bytes[index + 1]) {
            isInteger = false
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            var probe = index + 1
            if probe < bytes.count, bytes[probe] == UInt8(ascii: "+") || bytes[probe] == UInt8(ascii: "-") { probe += 1 }
            if probe < bytes.count, isDigit(bytes[probe]) {
                isInteger = false
                index = probe
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let value = Int64(text) { return .integer(value) }
        return Double(text).map(JSONValue.number)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
