public import Foundation

/// Parses JSON Lines into objects, one per non-blank line, reporting errors by file, line and
/// field. Datasets and the simulator's answer scripts share it; callers read the file themselves.
public enum JSONLReader {
    /// One decoded line: its 1-based number and its top-level object.
    public struct Line: @unchecked Sendable {
        /// The line number in the file (1-based).
        public var number: Int
        /// The decoded JSON object.
        public var object: [String: Any]
        /// The file the line came from, for error messages.
        public var file: String

        /// The string value of `field`, or a ``DatasetError`` naming file, line and field.
        public func string(_ field: String) throws(DatasetError) -> String {
            guard let value = object[field] else {
                throw DatasetError(file: file, line: number, field: field, message: "missing; every line needs a string \"\(field)\"")
            }
            guard let text = value as? String else {
                throw DatasetError(file: file, line: number, field: field, message: "expected a string, found \(type(of: value))")
            }
            return text
        }

        /// The value of `field` as text: a string as is, a number or boolean spelled out.
        public func scalarText(_ field: String) throws(DatasetError) -> String {
            guard let value = object[field], !(value is NSNull) else {
                throw DatasetError(file: file, line: number, field: field, message: "missing; every line needs a value for \"\(field)\"")
            }
            if let text = value as? String { return text }
            if let number = value as? NSNumber {
                if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
                return number.stringValue
            }
            throw DatasetError(file: file, line: number, field: field, message: "expected a string or a number, found \(type(of: value))")
        }
    }

    /// Parses JSON Lines from `data`; `file` names the source in errors.
    public static func parse(_ data: Data, file: String) throws(DatasetError) -> [Line] {
        var lines: [Line] = []
        var number = 0
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            number += 1
            let slice = data[start..<end]
            start = end < data.endIndex ? data.index(after: end) : end
            if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let value: Any
            do {
                value = try JSONSerialization.jsonObject(with: slice)
            } catch {
                throw DatasetError(file: file, line: number, message: "not valid JSON; each line must be one JSON object")
            }
            guard let object = value as? [String: Any] else {
                throw DatasetError(file: file, line: number, message: "expected a JSON object, found \(type(of: value))")
            }
            lines.append(Line(number: number, object: object, file: file))
        }
        return lines
    }
}
