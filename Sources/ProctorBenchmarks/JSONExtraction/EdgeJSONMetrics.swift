/// EdgeJSON's three metrics exactly as its `eval.py` computes them, and Proctor's stricter
/// companions beside them.
public enum EdgeJSONMetrics {
    /// `parsed == expected` in Python: `1 == 1.0`, `True == 1`, key order ignored, list order
    /// kept; nothing parsed is 0.
    public static func exactMatch(_ parsed: JSONValue?, _ expected: JSONValue) -> Double {
        guard let parsed else { return 0 }
        return parsed.pythonEquals(expected) ? 1 : 0
    }

    /// `calculate_field_f1`: top-level keys only, a nested value right or wrong as a whole; both
    /// empty is 1, either empty (or a non-object) is 0.
    public static func fieldF1(_ parsed: JSONValue?, _ expected: JSONValue) -> Double {
        guard case .object(let predicted) = parsed, case .object(let gold) = expected else { return 0 }
        if predicted.isEmpty, gold.isEmpty { return 1 }
        if predicted.isEmpty || gold.isEmpty { return 0 }
        let correct = gold.keys.filter { key in
            guard let value = predicted[key], let goldValue = gold[key] else { return false }
            return value.pythonEquals(goldValue)
        }.count
        return f1(correct: correct, predicted: predicted.count, expected: gold.count)
    }

    /// `check_schema_compliance`: a non-empty object with every expected top-level key, each of
    /// the expected value's Python type (`int` and `float` interchangeable; `bool` is not `int`).
    public static func schemaCompliance(_ parsed: JSONValue?, _ expected: JSONValue) -> Double {
        guard case .object(let predicted) = parsed, !predicted.isEmpty, case .object(let gold) = expected else { return 0 }
        for key in gold.keys {
            guard let value = predicted[key], let goldValue = gold[key] else { return 0 }
            let numeric: Set<String> = ["int", "float"]
            let same = value.pythonType == goldValue.pythonType
                || (numeric.contains(value.pythonType) && numeric.contains(goldValue.pythonType))
            if !same { return 0 }
        }
        return 1
    }

    /// Proctor's field F1 over every leaf path (`a.b`, `items[0].sku`), nested objects and lists
    /// included; leaves compare with types kept apart (a boolean is never a number).
    public static func leafF1(_ parsed: JSONValue?, _ expected: JSONValue) -> Double {
        guard let parsed else { return 0 }
        let predicted = leaves(of: parsed)
        let gold = leaves(of: expected)
        if predicted.isEmpty, gold.isEmpty { return 1 }
        let correct = gold.filter { path, value in predicted[path].map { $0.typedEquals(value) } ?? false }.count
        return f1(correct: correct, predicted: predicted.count, expected: gold.count)
    }

    /// The share of the expected leaves present in the answer with the expected JSON type
    /// (`integer` and `number` count as one).
    public static func typeAccuracy(_ parsed: JSONValue?, _ expected: JSONValue) -> Double {
        let gold = leaves(of: expected)
        guard let parsed, !gold.isEmpty else { return parsed == nil ? 0 : 1 }
        let predicted = leaves(of: parsed)
        let matching = gold.filter { path, value in
            guard let other = predicted[path] else { return false }
            return family(other) == family(value)
        }.count
        return Double(matching) / Double(gold.count)
    }

    /// Every leaf (a scalar, or an empty object or array) by its path.
    public static func leaves(of value: JSONValue, prefix: String = "") -> [String: JSONValue] {
        switch value {
        case .object(let object) where !object.isEmpty:
            var result: [String: JSONValue] = [:]
            for key in object.keys {
                guard let child = object[key] else { continue }
                result.merge(leaves(of: child, prefix: prefix.isEmpty ? key : "\(prefix).\(key)")) { first, _ in first }
            }
            return result
        case .array(let elements) where !elements.isEmpty:
            var result: [String: JSONValue] = [:]
            for (index, element) in elements.enumerated() {
                result.merge(leaves(of: element, prefix: "\(prefix)[\(index)]")) { first, _ in first }
            }
            return result
        default:
            return [prefix: value]
        }
    }

    private static func family(_ value: JSONValue) -> String {
        value.schemaType == "integer" ? "number" : value.schemaType
    }

    private static func f1(correct: Int, predicted: Int, expected: Int) -> Double {
        let precision = predicted > 0 ? Double(correct) / Double(predicted) : 0
        let recall = expected > 0 ? Double(correct) / Double(expected) : 0
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }
}
