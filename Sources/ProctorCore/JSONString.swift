/// Quotes text as a JSON string (RFC 8259): `"` and `\` escaped, control characters as `\n`,
/// `\t`… or `\u00XX`, everything else passed through as UTF-8.
///
/// The hot paths — one streamed event per token, one request body per sample — render their JSON
/// with this instead of `JSONEncoder`, whose per-call cost dominated the zero-latency benchmark.
///
/// ```swift
/// JSONString.quoted("say \"hi\"\n") // "\"say \\\"hi\\\"\\n\""
/// ```
public enum JSONString {
    /// `text` as a quoted JSON string literal.
    public static func quoted(_ text: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a quoted JSON string literal to `bytes`, for renderers that build a
    /// body as UTF-8 without intermediate strings.
    public static func appendQuoted(_ text: some StringProtocol, to bytes: inout [UInt8]) {
        var string = String(text)
        string.withUTF8 { appendQuoted(utf8: $0, to: &bytes) }
    }

    private static func appendQuoted(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + utf8.count + 16)
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            start = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            default:
                let hex: StaticString = "0123456789abcdef"
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(hex.utf8Start[Int(byte >> 4)])
                bytes.append(hex.utf8Start[Int(byte & 0x0F)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Chat messages as the JSON array the OpenAI API and the run store use:
    /// `[{"role":"user","content":"…"},…]`.
    public static func messages(_ messages: [ChatMessage]) -> String {
        var text = "["
        for (index, message) in messages.enumerated() {
            if index > 0 { text += "," }
            text += "{\"role\":\"" + message.role.rawValue + "\",\"content\":" + quoted(message.content) + "}"
        }
        return text + "]"
    }
}
