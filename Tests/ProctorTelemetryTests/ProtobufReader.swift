/// Decodes protobuf wire format into fields, so that tests read what the exporter wrote without a
/// protobuf library: varints and fixed64 as numbers, length-delimited fields as bytes.
struct ProtobufReader {
    enum Value: Equatable {
        case number(UInt64)
        case bytes([UInt8])
    }

    struct Malformed: Error {}

    /// Every field of `bytes`, in order.
    static func fields(_ bytes: [UInt8]) throws -> [(field: Int, value: Value)] {
        var fields: [(Int, Value)] = []
        var index = 0
        func varint() throws -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard index < bytes.count, shift < 64 else { throw Malformed() }
                let byte = bytes[index]
                index += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }
        while index < bytes.count {
            let key = try varint()
            switch key & 7 {
            case 0: fields.append((Int(key >> 3), .number(try varint())))
            case 1:
                guard index + 8 <= bytes.count else { throw Malformed() }
                var value: UInt64 = 0
                for offset in 0..<8 { value |= UInt64(bytes[index + offset]) << UInt64(8 * offset) }
                index += 8
                fields.append((Int(key >> 3), .number(value)))
            case 2:
                let length = Int(try varint())
                guard index + length <= bytes.count else { throw Malformed() }
                fields.append((Int(key >> 3), .bytes(Array(bytes[index..<index + length]))))
                index += length
            default: throw Malformed()
            }
        }
        return fields
    }

    /// The byte fields numbered `field`.
    static func messages(_ bytes: [UInt8], _ field: Int) throws -> [[UInt8]] {
        try fields(bytes).compactMap { $0.field == field ? { if case .bytes(let b) = $0.value { b } else { nil } }($0) : nil }
    }

    /// The first number field numbered `field`.
    static func number(_ bytes: [UInt8], _ field: Int) throws -> UInt64? {
        for (number, value) in try fields(bytes) where number == field { if case .number(let n) = value { return n } }
        return nil
    }

    /// The first byte field numbered `field` as text.
    static func string(_ bytes: [UInt8], _ field: Int) throws -> String? {
        try messages(bytes, field).first.map { String(decoding: $0, as: UTF8.self) }
    }

    /// A decoded span: name, ids and attributes as text (numbers printed).
    struct Span {
        var traceId: [UInt8]
        var spanId: [UInt8]
        var parentSpanId: [UInt8]
        var name: String
        var kind: UInt64
        var start: UInt64
        var end: UInt64
        var attributes: [String: String]
        var statusCode: UInt64
    }

    /// The spans and resource attributes of an `ExportTraceServiceRequest`.
    static func spans(_ request: [UInt8]) throws -> (resource: [String: String], spans: [Span]) {
        var resource: [String: String] = [:]
        var spans: [Span] = []
        for resourceSpans in try messages(request, 1) {
            for resourceMessage in try messages(resourceSpans, 1) { resource.merge(try attributes(resourceMessage, 1)) { $1 } }
            for scopeSpans in try messages(resourceSpans, 2) {
                for span in try messages(scopeSpans, 2) {
                    let status = try messages(span, 15).first ?? []
                    spans.append(
                        Span(
                            traceId: try messages(span, 1).first ?? [], spanId: try messages(span, 2).first ?? [],
                            parentSpanId: try messages(span, 4).first ?? [], name: try string(span, 5) ?? "",
                            kind: try number(span, 6) ?? 0, start: try number(span, 7) ?? 0, end: try number(span, 8) ?? 0,
                            attributes: try attributes(span, 9), statusCode: try number(status, 3) ?? 0))
                }
            }
        }
        return (resource, spans)
    }

    private static func attributes(_ message: [UInt8], _ field: Int) throws -> [String: String] {
        var result: [String: String] = [:]
        for keyValue in try messages(message, field) {
            guard let key = try string(keyValue, 1), let value = try messages(keyValue, 2).first else { continue }
            result[key] = try describe(value)
        }
        return result
    }

    private static func describe(_ anyValue: [UInt8]) throws -> String {
        guard let (field, value) = try fields(anyValue).first else { return "" }
        switch (field, value) {
        case (1, .bytes(let text)): return String(decoding: text, as: UTF8.self)
        case (2, .number(let flag)): return flag == 0 ? "false" : "true"
        case (3, .number(let number)): return String(Int64(bitPattern: number))
        case (4, .number(let bits)): return String(Double(bitPattern: bits))
        case (5, .bytes(let array)): return try messages(array, 1).map(describe).joined(separator: ",")
        default: return "?"
        }
    }
}
