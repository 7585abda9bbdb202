import Foundation

/// A small JSON Schema (draft-07) validator for the keywords extraction schemas use: `type` (a
/// name or a list), `properties`, `required`, `additionalProperties` (a boolean or a schema),
/// `items`, `enum`, `minimum`, `maximum`, `minItems`, `maxItems`, `minLength`, `maxLength`,
/// `pattern`, nested to any depth. Annotations (`format`, `title`, `description`) are not checked,
/// as draft-07 says by default. No Swift package for JSON Schema is available here, so this one is
/// Proctor's own.
public struct JSONSchemaValidator: Sendable {
    /// One place where the value breaks the schema.
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        /// Where, e.g. `$.items[2].price`.
        public var path: String
        /// The keyword broken, e.g. `required`.
        public var keyword: String
        /// What is wrong.
        public var message: String
        /// `path: message (keyword)`.
        public var description: String { "\(path): \(message) (\(keyword))" }
    }

    /// The schema.
    public let schema: JSONValue
    /// Every `pattern` in the schema, compiled once.
    private let patterns: [String: NSRegularExpression]

    /// A validator for `schema`.
    public init(schema: JSONValue) {
        self.schema = schema
        var patterns: [String: NSRegularExpression] = [:]
        Self.collectPatterns(schema, into: &patterns)
        self.patterns = patterns
    }

    private static func collectPatterns(_ schema: JSONValue, into patterns: inout [String: NSRegularExpression]) {
        switch schema {
        case .object(let object):
            if case .string(let pattern) = object["pattern"], patterns[pattern] == nil {
                patterns[pattern] = try? NSRegularExpression(pattern: pattern)
            }
            for key in object.keys { if let child = object[key] { collectPatterns(child, into: &patterns) } }
        case .array(let elements):
            for element in elements { collectPatterns(element, into: &patterns) }
        default: return
        }
    }

    /// Every violation of the schema by `value`; empty when it is valid.
    public func violations(of value: JSONValue) -> [Violation] {
        var found: [Violation] = []
        check(value, against: schema, path: "$", into: &found)
        return found
    }

    /// Whether `value` is valid.
    public func isValid(_ value: JSONValue) -> Bool { violations(of: value).isEmpty }

    private func check(_ value: JSONValue, against schema: JSONValue, path: String, into found: inout [Violation]) {
        switch schema {
        case .bool(false): found.append(Violation(path: path, keyword: "false", message: "no value is allowed here"))
        case .object(let rules): checkRules(value, rules, path: path, into: &found)
        default: return
        }
    }

    private func checkRules(_ value: JSONValue, _ rules: JSONObject, path: String, into found: inout [Violation]) {
        func fail(_ keyword: String, _ message: String) { found.append(Violation(path: path, keyword: keyword, message: message)) }
        if let type = rules["type"] {
            let allowed: [String] =
                switch type {
                case .string(let name): [name]
                case .array(let names): names.compactMap { if case .string(let name) = $0 { name } else { nil } }
                default: []
                }
            if !allowed.isEmpty, !allowed.contains(where: { Self.matches(value, type: $0) }) {
                fail("type", "expected \(allowed.joined(separator: " or ")), found \(value.schemaType)")
                return
            }
        }
        if case .array(let options) = rules["enum"], !options.contains(where: { $0.typedEquals(value) }) {
            fail("enum", "not one of the \(options.count) allowed values")
        }
        if let number = value.schemaNumber {
            if let minimum = rules["minimum"]?.schemaNumber, number < minimum { fail("minimum", "\(number) is below \(minimum)") }
            if let maximum = rules["maximum"]?.schemaNumber, number > maximum { fail("maximum", "\(number) is above \(maximum)") }
        }
        if case .string(let text) = value {
            let length = text.unicodeScalars.count
            if let minimum = rules["minLength"]?.schemaNumber, Double(length) < minimum { fail("minLength", "shorter than \(Int(minimum))") }
            if let maximum = rules["maxLength"]?.schemaNumber, Double(length) > maximum { fail("maxLength", "longer than \(Int(maximum))") }
            if case .string(let pattern) = rules["pattern"] {
                if let regex = patterns[pattern] {
                    let range = NSRange(text.startIndex..., in: text)
                    if regex.firstMatch(in: text, range: range) == nil { fail("pattern", "does not match \(pattern)") }
                }
            }
        }
        if case .array(let elements) = value {
            if let minimum = rules["minItems"]?.schemaNumber, Double(elements.count) < minimum { fail("minItems", "fewer than \(Int(minimum)) items") }
            if let maximum = rules["maxItems"]?.schemaNumber, Double(elements.count) > maximum { fail("maxItems", "more than \(Int(maximum)) items") }
            if let items = rules["items"] {
                for (index, element) in elements.enumerated() { check(element, against: items, path: "\(path)[\(index)]", into: &found) }
            }
        }
        if case .object(let object) = value {
            if case .array(let required) = rules["required"] {
                for case .string(let key) in required where object[key] == nil { fail("required", "'\(key)' is missing") }
            }
            var properties = JSONObject()
            if case .object(let declared) = rules["properties"] { properties = declared }
            for key in object.keys {
                guard let child = object[key] else { continue }
                if let rule = properties[key] {
                    check(child, against: rule, path: "\(path).\(key)", into: &found)
                } else if let additional = rules["additionalProperties"] {
                    if case .bool(false) = additional {
                        found.append(Violation(path: "\(path).\(key)", keyword: "additionalProperties", message: "not allowed"))
                    } else {
                        check(child, against: additional, path: "\(path).\(key)", into: &found)
                    }
                }
            }
        }
    }

    /// Whether `value` has JSON Schema type `type` (an integer is also a `number`; a float with
    /// no fraction is also an `integer`, as draft-07 counts by value).
    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
        case ("number", .integer), ("number", .number), ("integer", .integer): true
        case ("integer", .number(let number)): number.isFinite && number.rounded() == number
        default: false
        }
    }
}

extension JSONValue {
    /// The value as a number for numeric keywords (booleans are not numbers in JSON Schema).
    var schemaNumber: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }
}
