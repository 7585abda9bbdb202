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
        /// The event's data lines joined by LF, as the UTF-8 bytes that arrived.
        public var dataBytes: [UInt8]

        /// The event's data lines joined by LF.
        public var data: String { String(decoding: dataBytes, as: UTF8.self) }
    }

    /// The unfinished line carried over from the previous feed.
    private var line: [UInt8] = []
    private var previousWasCR = false
    private var dataBytes: [UInt8] = []
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
        var failure: LineTooLong?
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            do throws(LineTooLong) { try feed(buffer, into: &events) } catch { failure = error }
        }
        if contiguous == nil {
            let copy = Array(bytes)
            try copy.withUnsafeBufferPointer { buffer throws(LineTooLong) in try feed(buffer, into: &events) }
        }
        if let failure { throw failure }
        return events
    }

    /// Ends the stream: a final event that was not followed by a blank line is dispatched too,
    /// since servers commonly close the stream right after the last `data:` line.
    public mutating func finish() -> Event? {
        if !line.isEmpty {
            let carried = line
            line = []
            carried.withUnsafeBufferPointer { _ = endLine($0) }
        }
        return dispatch()
    }

    /// Splits `buffer` at line ends (LF, CRLF, CR), handling each complete line where it lies and
    /// carrying an unfinished one over to the next feed.
    private mutating func feed(_ buffer: UnsafeBufferPointer<UInt8>, into events: inout [Event]) throws(LineTooLong) {
        var index = 0
        let count = buffer.count
        guard count > 0 else { return }
        if previousWasCR, index < count, buffer[index] == UInt8(ascii: "\n") { index += 1 }
        previousWasCR = false
        while index < count {
            var end = index
            while end < count, buffer[end] != UInt8(ascii: "\n"), buffer[end] != UInt8(ascii: "\r") { end += 1 }
            guard end < count else {
                guard line.count + (end - index) <= maximumLineLength else { throw LineTooLong(limit: maximumLineLength) }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index..<end]))
                return
            }
            guard line.count + (end - index) <= maximumLineLength else { throw LineTooLong(limit: maximumLineLength) }
            let event: Event?
            if line.isEmpty {
                event = endLine(UnsafeBufferPointer(rebasing: buffer[index..<end]))
            } else {
                line.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index..<end]))
                let carried = line
                line.removeAll(keepingCapacity: true)
                event = carried.withUnsafeBufferPointer { endLine($0) }
            }
            if let event { events.append(event) }
            if buffer[end] == UInt8(ascii: "\r") {
                if end + 1 < count {
                    if buffer[end + 1] == UInt8(ascii: "\n") { end += 1 }
                } else {
                    previousWasCR = true
                }
            }
            index = end + 1
        }
    }

    private mutating func endLine(_ line: UnsafeBufferPointer<UInt8>) -> Event? {
        if line.isEmpty { return dispatch() }
        if line[0] == UInt8(ascii: ":") { return nil }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        var valueStart = colon < line.endIndex ? colon + 1 : colon
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let field = UnsafeBufferPointer(rebasing: line[..<colon])
        let value = UnsafeBufferPointer(rebasing: line[valueStart...])
        if field.elementsEqual("data".utf8) {
            if hasData { dataBytes.append(UInt8(ascii: "\n")) }
            dataBytes.append(contentsOf: value)
            hasData = true
        } else if field.elementsEqual("event".utf8) {
            eventType = String(decoding: value, as: UTF8.self)
        }
        return nil
    }

    private mutating func dispatch() -> Event? {
        defer {
            dataBytes = []
            hasData = false
            eventType = nil
        }
        guard hasData else { return nil }
        return Event(event: eventType, dataBytes: dataBytes)
    }
}
