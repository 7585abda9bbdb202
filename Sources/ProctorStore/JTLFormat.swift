import Foundation
public import ProctorCore

/// JMeter's CSV results format (`.jtl`): Proctor writes load runs in it and reads JMeter's files.
public enum JTLFormat {
    /// The columns JMeter writes by default, in order.
    public static let columns = [
        "timeStamp", "elapsed", "label", "responseCode", "responseMessage", "threadName", "dataType", "success",
        "failureMessage", "bytes", "sentBytes", "grpThreads", "allThreads", "URL", "Latency", "IdleTime", "Connect",
    ]

    /// One sample row.
    public struct Row: Sendable, Hashable {
        /// Start time, milliseconds since the Unix epoch.
        public var timeStamp: Int64
        /// Milliseconds from sending to the last byte.
        public var elapsed: Int
        /// The sampler's name.
        public var label: String
        /// HTTP status or error code.
        public var responseCode: String
        /// `OK` or the error.
        public var responseMessage: String
        /// The thread (user) that sent it.
        public var threadName: String
        /// Whether the sample succeeded.
        public var success: Bool
        /// Active threads in the sample's thread group.
        public var groupThreads: Int
        /// Active threads in all groups.
        public var allThreads: Int
        /// The URL requested.
        public var url: String
        /// Milliseconds to the first byte (Proctor writes TTFT).
        public var latency: Int

        /// Creates a row.
        public init(
            timeStamp: Int64, elapsed: Int, label: String, responseCode: String, responseMessage: String, threadName: String,
            success: Bool, groupThreads: Int, allThreads: Int, url: String, latency: Int
        ) {
            self.timeStamp = timeStamp
            self.elapsed = elapsed
            self.label = label
            self.responseCode = responseCode
            self.responseMessage = responseMessage
            self.threadName = threadName
            self.success = success
            self.groupThreads = groupThreads
            self.allThreads = allThreads
            self.url = url
            self.latency = latency
        }
    }

    /// The rows as a JTL file with a header line.
    public static func write(_ rows: [Row]) -> String {
        var lines = [columns.joined(separator: ",")]
        lines.reserveCapacity(rows.count + 1)
        for row in rows {
            let fields = [
                String(row.timeStamp), String(row.elapsed), row.label, row.responseCode, row.responseMessage, row.threadName,
                "text", row.success ? "true" : "false", row.success ? "" : row.responseMessage, "0", "0",
                String(row.groupThreads), String(row.allThreads), row.url, String(row.latency), "0", "0",
            ]
            lines.append(fields.map(RunExporter.quote).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a JTL (CSV with a header naming at least `timeStamp`, `elapsed`, `success` and
    /// `allThreads` or `grpThreads`), naming the file, line and column of anything unreadable.
    public static func read(_ text: String, file: String) throws(ProctorError) -> [Row] {
        let records = CSVReader.records(text)
        guard let header = records.first?.fields else {
            throw .badInput("\(file): empty file", hint: "give a JMeter results file saved as CSV (.jtl) with a header line")
        }
        let position = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for required in ["timeStamp", "elapsed", "success"] where position[required] == nil {
            throw .badInput(
                "\(file):1: no \"\(required)\" column", hint: "save JMeter results as CSV with the header line (jmeter.save.saveservice.print_field_names=true)")
        }
        guard position["allThreads"] != nil || position["grpThreads"] != nil else {
            throw .badInput("\(file):1: no \"allThreads\" or \"grpThreads\" column", hint: "enable thread counts in JMeter's CSV output")
        }
        var rows: [Row] = []
        for record in records.dropFirst() where !(record.fields.count == 1 && record.fields[0].isEmpty) {
            func field(_ name: String) -> String? {
                position[name].flatMap { $0 < record.fields.count ? record.fields[$0] : nil }
            }
            func integer(_ name: String) throws(ProctorError) -> Int64 {
                guard let text = field(name), let value = Int64(text) else {
                    throw .badInput("\(file):\(record.line): column \"\(name)\" is \"\(field(name) ?? "")\", not an integer")
                }
                return value
            }
            let threads = field("allThreads").flatMap { Int($0) } ?? field("grpThreads").flatMap { Int($0) } ?? 0
            rows.append(
                Row(
                    timeStamp: try integer("timeStamp"), elapsed: Int(try integer("elapsed")), label: field("label") ?? "",
                    responseCode: field("responseCode") ?? "", responseMessage: field("responseMessage") ?? "",
                    threadName: field("threadName") ?? "", success: field("success")?.lowercased() == "true",
                    groupThreads: field("grpThreads").flatMap { Int($0) } ?? threads, allThreads: threads,
                    url: field("URL") ?? "", latency: field("Latency").flatMap { Int($0) } ?? 0))
        }
        return rows
    }
}

/// RFC 4180 CSV records with their starting line numbers (quoted fields may span lines).
enum CSVReader {
    struct Record {
        var line: Int
        var fields: [String]
    }

    static func records(_ text: String) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var iterator = text.makeIterator()
        var pending: Character?
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n":
                fields.append(field)
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                field = ""
                line += 1
                recordLine = line
            case "\r": break
            default: field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}
