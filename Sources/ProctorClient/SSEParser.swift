/// An incremental parser for `text/event-stream` bodies: feed it bytes as they arrive, in chunks
/// split anywhere, and it returns each complete event.
///
/// It follows the WHATWG rules that matter for chat streams: lines end in LF, CRLF or CR (also
/// when a CRLF pair is split across chunks); lines starting with `:` are comments; a `data:` line
/// drops one leading space; several `data:` lines of one event join with LF; a blank line ends the
/// event; an event without data is not dispatched.
///
/// ```swift
/// var parser = SSEParser()
/// for event in parser.feed(Array("data: {\"a\":1}\n\n".utf8)) { print(event.data) }
/// ```
public struct SSEParser: Sendable {
    /// One dispatched event.
    public struct Event: Sendable, Hashable {
        /// The `event:` field, if the server named the event type.
        public var event: String?
        /// The event's data lines joined by LF.
        public var data: String
    }

    private var line: [UInt8] = []
    private var previousWasCR = false
    private var dataLines: [String] = []
    private var hasData = false
    private var eventType: String?
    /// Bytes beyond which a single line is refused, so a broken server cannot exhaust memory.
    public let maximumLineLength: Int

    /// Creates a parser that refuses lines longer than `maximumLineLength` bytes.
    public init(maximumLineLength: Int = 8 * 1024 * 1024) {
        self.maximumLineLength = maximumLineLength
    }

    /// Errors the parser can raise.
    public struct LineTooLong: Error, Sendable {
        /// The limit that was exceeded.
        public var limit: Int
    }

    /// Consumes `bytes` and returns the events they completed.
    public mutating func feed(_ bytes: some Sequence<UInt8>) throws(LineTooLong) -> [Event] {
        var events: [Event] = []
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n"):
                if previousWasCR {
                    previousWasCR = false
                    continue
                }
                if let event = endLine() { events.append(event) }
            case UInt8(ascii: "\r"):
                previousWasCR = true
                if let event = endLine() { events.append(event) }
            default:
                previousWasCR = false
                line.append(byte)
                if line.count > maximumLineLength { throw LineTooLong(limit: maximumLineLength) }
            }
        }
        return events
    }

    /// Ends the stream: a final event that was not followed by a blank line is dispatched too,
    /// since servers commonly close the stream right after the last `data:` line.
    public mutating func finish() -> Event? {
        if !line.isEmpty { _ = endLine() }
        return dispatch()
    }

    private mutating func endLine() -> Event? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty { return dispatch() }
        if line[0] == UInt8(ascii: ":") { return nil }
        let colon = line.firstIndex(of: UInt8(ascii: ":"))
        let field = String(decoding: line[..<(colon ?? line.endIndex)], as: UTF8.self)
        var valueStart = colon.map { line.index(after: $0) } ?? line.endIndex
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let value = String(decoding: line[valueStart...], as: UTF8.self)
        switch field {
        case "data":
            dataLines.append(value)
            hasData = true
        case "event":
            eventType = value
        default:
            break
        }
        return nil
    }

    private mutating func dispatch() -> Event? {
        defer {
            dataLines.removeAll(keepingCapacity: true)
            hasData = false
            eventType = nil
        }
        guard hasData else { return nil }
        return Event(event: eventType, data: dataLines.joined(separator: "\n"))
    }
}
