import Foundation

/// Number formatting for terminal output.
enum Format {
    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    static func percent(_ fraction: Double) -> String {
        fixed(fraction * 100, 1) + "%"
    }

    static func seconds(_ value: Double) -> String {
        if value < 1 { return fixed(value * 1000, 0) + " ms" }
        if value < 120 { return fixed(value, value < 10 ? 2 : 1) + " s" }
        let minutes = Int(value) / 60
        return "\(minutes) min \(Int(value) % 60) s"
    }

    static func count(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0, character != "-" { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }

    /// `text` safe to print on a terminal: control characters (escape sequences included), which
    /// a server or a model could send, become U+FFFD.
    static func plain(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "\u{FFFD}" : scalar
                }))
    }

    static func date(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// The one JSON style of `--json` output: pretty, sorted keys, ISO 8601 dates, unescaped slashes.
enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }

    /// `json` (an object) with `value` added under `key`, in the same style; `json` itself when
    /// `value` is `nil`. How a run's resources join the JSON its command already prints.
    static func adding(_ key: String, _ value: (some Encodable)?, to json: String) throws -> String {
        guard let value else { return json }
        guard var object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return json }
        object[key] = try JSONSerialization.jsonObject(with: try encode(value))
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
