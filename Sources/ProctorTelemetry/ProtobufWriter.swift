/// The few protocol-buffer wire encodings OTLP's trace messages need (varint, fixed64,
/// length-delimited), written by hand so that exporting spans costs no generated code and no
/// protobuf dependency. Fields are written in the order called; nested messages are written in
/// place with their length filled in afterwards.
struct ProtobufWriter {
    /// The encoded message.
    private(set) var bytes: [UInt8] = []

    private mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private mutating func tag(_ field: Int, wireType: UInt64) {
        varint(UInt64(field) << 3 | wireType)
    }

    /// A varint field (int64, uint32, enum); zero is skipped, as proto3 does, unless `keepZero`
    /// (a member of a `oneof`, whose presence is its meaning).
    mutating func uint(_ field: Int, _ value: UInt64, keepZero: Bool = false) {
        guard value != 0 || keepZero else { return }
        tag(field, wireType: 0)
        varint(value)
    }

    /// An int64 field: negative values as their two's complement, ten bytes.
    mutating func int(_ field: Int, _ value: Int64, keepZero: Bool = false) {
        uint(field, UInt64(bitPattern: value), keepZero: keepZero)
    }

    /// A bool field.
    mutating func bool(_ field: Int, _ value: Bool) {
        tag(field, wireType: 0)
        varint(value ? 1 : 0)
    }

    /// A fixed64 field (timestamps in nanoseconds).
    mutating func fixed64(_ field: Int, _ value: UInt64) {
        guard value != 0 else { return }
        tag(field, wireType: 1)
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// A double field.
    mutating func double(_ field: Int, _ value: Double) {
        tag(field, wireType: 1)
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value.bitPattern >> UInt64(shift))) }
    }

    /// A length-delimited field holding `data` (bytes, or an embedded message's encoding).
    mutating func bytes(_ field: Int, _ data: some Collection<UInt8>) {
        tag(field, wireType: 2)
        varint(UInt64(data.count))
        bytes.append(contentsOf: data)
    }

    /// A string field; empty strings are skipped.
    mutating func string(_ field: Int, _ text: String) {
        guard !text.isEmpty else { return }
        bytes(field, Array(text.utf8))
    }

    /// An embedded message, built by `build` in place: a one-byte length is reserved and widened
    /// afterwards only when the message reached 128 bytes, so the many small messages (attributes)
    /// cost no buffer of their own.
    mutating func message(_ field: Int, _ build: (inout ProtobufWriter) -> Void) {
        tag(field, wireType: 2)
        let lengthAt = bytes.count
        bytes.append(0)
        build(&self)
        let length = bytes.count - lengthAt - 1
        guard length >= 0x80 else {
            bytes[lengthAt] = UInt8(length)
            return
        }
        var prefix: [UInt8] = []
        var value = UInt64(length)
        while value >= 0x80 {
            prefix.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        prefix.append(UInt8(value))
        bytes.replaceSubrange(lengthAt..<lengthAt + 1, with: prefix)
    }
}
