/// A JSON value as Python's `json.loads` returns it: integers and floats apart (`1` is an `int`,
/// `1.0` a `float`), booleans apart from numbers, object keys in their first order (a repeated
/// key keeps its last value, as Python's `dict` does). JSON-extraction metrics need exactly these
/// distinctions, which `JSONSerialization` blurs.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without fraction or exponent that fits 64 bits.
    case integer(Int64)
    /// Any other number (`NaN` and `Infinity` included, as Python accepts them).
    case number(Double)
    /// A string.
    case string(String)
    /// An array, in order.
    case array([JSONValue])
    /// An object.
    case object(JSONObject)

    /// Python's type name, e.g. `int`, `float`, `dict`.
    public var pythonType: String {
        switch self {
        case .null: "NoneType"
        case .bool: "bool"
        case .integer: "int"
        case .number: "float"
        case .string: "str"
        case .array: "list"
        case .object: "dict"
        }
    }

    /// The number as Python compares it (`True` is 1), or `nil` for non-numbers.
    var numericValue: Double? {
        switch self {
        case .bool(let value): value ? 1 : 0
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// Python's `==` on what `json.loads` returns: `1 == 1.0`, `True == 1`, dict key order
    /// ignored, list order kept, strings exact.
    public func pythonEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.pythonEquals($1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.keys.allSatisfy { key in b[key].map { a[key]?.pythonEquals($0) == true } ?? false }
        case (.integer(let a), .integer(let b)): return a == b
        default:
            guard let a = numericValue, let b = other.numericValue else { return false }
            return a == b
        }
    }

    /// Equality with JSON types kept apart: numbers compare by value (`1` = `1.0`), but a boolean
    /// is never a number.
    public func typedEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.bool(let a), .bool(let b)): return a == b
        case (.bool, _), (_, .bool): return false
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.typedEquals($1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.keys.allSatisfy { key in b[key].map { a[key]?.typedEquals($0) == true } ?? false }
        default: return pythonEquals(other)
        }
    }

    /// The JSON Schema type name (`integer` for integers, `number` for other numbers).
    public var schemaType: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// A JSON object: its keys in first-seen order and a value per key.
public struct JSONObject: Sendable, Hashable {
    /// The keys, in the order they first appeared.
    public private(set) var keys: [String] = []
    private var values: [String: JSONValue] = [:]

    /// An empty object.
    public init() {}

    /// The number of keys.
    public var count: Int { keys.count }

    /// Whether the object has no key.
    public var isEmpty: Bool { keys.isEmpty }

    /// The value at `key`; setting a repeated key keeps its first position and the last value.
    public subscript(key: String) -> JSONValue? {
        get { values[key] }
        set {
            if values[key] == nil, newValue != nil { keys.append(key) }
            if newValue == nil { keys.removeAll { $0 == key } }
            values[key] = newValue
        }
    }
}
