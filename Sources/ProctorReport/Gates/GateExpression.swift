import Foundation

/// One k6-style threshold expression: `p(95) < 500ms`, `rate >= 0.5`,
/// `delta >= -0.02 significant`, `p(99) <= baseline * 1.10 + 20ms`.
///
/// Grammar: `[aggregate] op value [significant]`, where `value` is a number with an optional
/// unit (`ms`, `s`, `us`, `%`, `J`, `Wh`, `$`) or `baseline [* k] [± c]`. Values are held in
/// base units: seconds, fractions, joules, dollars.
public struct GateExpression: Sendable, Hashable, CustomStringConvertible {
    /// How the metric is reduced to one number.
    public enum Aggregate: Sendable, Hashable, CustomStringConvertible {
        /// A rate or share (accuracy, error rate).
        case rate
        /// A count (items, failed requests).
        case count
        /// The metric's single value (throughput, saturation load, cost).
        case value
        /// Mean.
        case avg
        /// Smallest value.
        case min
        /// Largest value.
        case max
        /// Median.
        case med
        /// A percentile, 0–100.
        case percentile(Double)
        /// The lower end of the 95% interval (Wilson for accuracy).
        case ciLow
        /// The upper end of the 95% interval.
        case ciHigh
        /// Candidate minus baseline, paired.
        case delta
        /// Candidate over baseline.
        case ratio
        /// The lower end of the 95% interval of the paired difference (non-inferiority).
        case ciLowDelta
        /// The upper end of the 95% interval of the paired difference.
        case ciHighDelta

        /// As written in a gate file.
        public var description: String {
            switch self {
            case .rate: "rate"
            case .count: "count"
            case .value: "value"
            case .avg: "avg"
            case .min: "min"
            case .max: "max"
            case .med: "med"
            case .percentile(let p): "p(\(GateExpression.format(p)))"
            case .ciLow: "ci_low"
            case .ciHigh: "ci_high"
            case .delta: "delta"
            case .ratio: "ratio"
            case .ciLowDelta: "ci_low(delta)"
            case .ciHighDelta: "ci_high(delta)"
            }
        }

        /// Whether the aggregate needs a baseline run.
        public var needsBaseline: Bool {
            switch self {
            case .delta, .ratio, .ciLowDelta, .ciHighDelta: true
            default: false
            }
        }
    }

    /// A comparison operator.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        /// `<=` (listed before `<`, so the longer operator is matched first).
        case lessOrEqual = "<="
        /// `>=`.
        case greaterOrEqual = ">="
        /// `==`, to within a relative 10⁻¹².
        case equal = "=="
        /// `<`.
        case less = "<"
        /// `>`.
        case greater = ">"

        /// Whether `lhs op rhs` holds.
        public func holds(_ lhs: Double, _ rhs: Double) -> Bool {
            switch self {
            case .less: lhs < rhs
            case .lessOrEqual: lhs <= rhs
            case .greater: lhs > rhs
            case .greaterOrEqual: lhs >= rhs
            case .equal: abs(lhs - rhs) <= 1e-12 * Swift.max(1, abs(rhs))
            }
        }
    }

    /// The limit: a constant, or the baseline's same aggregate scaled and shifted (a relative
    /// limit with an absolute noise floor).
    public enum Limit: Sendable, Hashable {
        /// A fixed number in base units.
        case constant(Double)
        /// `baseline * factor + offset`.
        case baseline(factor: Double, offset: Double)

        /// Whether the limit is relative to a baseline run.
        public var usesBaseline: Bool {
            if case .baseline = self { return true }
            return false
        }

        /// The limit given the baseline's value.
        func value(baseline: Double?) -> Double? {
            switch self {
            case .constant(let value): value
            case .baseline(let factor, let offset): baseline.map { $0 * factor + offset }
            }
        }
    }

    /// The aggregate (``Aggregate/value`` when the expression has none).
    public var aggregate: Aggregate
    /// The operator.
    public var op: Operator
    /// The limit.
    public var limit: Limit
    /// Whether a violation fails only when it is statistically significant.
    public var requiresSignificance: Bool
    /// The expression as written.
    public var text: String

    /// The expression as written.
    public var description: String { text }

    /// Parses `text`; the error says what is wrong with it.
    public init(parsing text: String) throws(GateSyntaxError) {
        self.text = text
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        requiresSignificance = false
        if rest.hasSuffix(" significant") {
            requiresSignificance = true
            rest = rest.dropLast(" significant".count)
        }
        guard let opRange = Self.firstOperator(in: rest) else {
            throw GateSyntaxError("\"\(text)\" has no comparison; write e.g. \"p(95) < 500ms\" (operators: < <= > >= ==)")
        }
        let left = rest[..<opRange.range.lowerBound].trimmingCharacters(in: .whitespaces)
        let right = rest[opRange.range.upperBound...].trimmingCharacters(in: .whitespaces)
        op = opRange.op
        aggregate = try Self.aggregate(left, in: text)
        limit = try Self.limit(right, in: text)
        if requiresSignificance, !aggregate.needsBaseline {
            throw GateSyntaxError("\"\(text)\": `significant` applies to delta or ratio against a baseline")
        }
    }

    private static func firstOperator(in text: Substring) -> (op: Operator, range: Range<Substring.Index>)? {
        var best: (op: Operator, range: Range<Substring.Index>)?
        for op in Operator.allCases {
            guard let range = text.range(of: op.rawValue) else { continue }
            if best == nil || range.lowerBound < best!.range.lowerBound
                || (range.lowerBound == best!.range.lowerBound && op.rawValue.count > best!.op.rawValue.count) {
                best = (op, range)
            }
        }
        return best
    }

    private static func aggregate(_ text: String, in expression: String) throws(GateSyntaxError) -> Aggregate {
        switch text {
        case "": return .value
        case "rate": return .rate
        case "count": return .count
        case "value": return .value
        case "avg", "mean": return .avg
        case "min": return .min
        case "max": return .max
        case "med": return .med
        case "ci_low": return .ciLow
        case "ci_high": return .ciHigh
        case "delta": return .delta
        case "ratio": return .ratio
        case "ci_low(delta)": return .ciLowDelta
        case "ci_high(delta)": return .ciHighDelta
        default:
            if text.hasPrefix("p("), text.hasSuffix(")"), let p = Double(text.dropFirst(2).dropLast()), (0...100).contains(p) {
                return .percentile(p)
            }
            throw GateSyntaxError(
                "\"\(expression)\": unknown aggregate \"\(text)\"; use rate, count, value, avg, min, max, med, p(N), ci_low, ci_high, delta, ratio, ci_low(delta) or ci_high(delta)")
        }
    }

    private static func limit(_ text: String, in expression: String) throws(GateSyntaxError) -> Limit {
        guard text.hasPrefix("baseline") else { return .constant(try quantity(text, in: expression)) }
        var rest = Substring(text.dropFirst("baseline".count)).trimmingCharacters(in: .whitespaces)[...]
        var factor = 1.0
        var offset = 0.0
        if rest.hasPrefix("*") {
            rest = rest.dropFirst().drop { $0 == " " }
            let end = rest.firstIndex { $0 == " " || $0 == "+" || $0 == "-" } ?? rest.endIndex
            guard let number = Double(rest[..<end]) else {
                throw GateSyntaxError("\"\(expression)\": `baseline *` needs a number, e.g. \"baseline * 1.10\"")
            }
            factor = number
            rest = rest[end...].drop { $0 == " " }
        }
        if let sign = rest.first, sign == "+" || sign == "-" {
            let magnitude = try quantity(rest.dropFirst().trimmingCharacters(in: .whitespaces), in: expression)
            offset = sign == "+" ? magnitude : -magnitude
            rest = ""
        }
        guard rest.isEmpty else {
            throw GateSyntaxError("\"\(expression)\": cannot read \"\(rest)\" after baseline; write \"baseline * 1.10 + 20ms\"")
        }
        return .baseline(factor: factor, offset: offset)
    }

    /// A number with an optional unit, in base units.
    static func quantity(_ text: String, in expression: String) throws(GateSyntaxError) -> Double {
        let units: [(String, Double)] = [("ms", 1e-3), ("us", 1e-6), ("µs", 1e-6), ("Wh", 3600), ("kJ", 1000), ("J", 1), ("s", 1), ("%", 0.01)]
        var body = text.trimmingCharacters(in: .whitespaces)
        var scale = 1.0
        if body.hasPrefix("$") {
            body.removeFirst()
        } else if let unit = units.first(where: { body.hasSuffix($0.0) }) {
            body = String(body.dropLast(unit.0.count)).trimmingCharacters(in: .whitespaces)
            scale = unit.1
        }
        guard let number = Double(body) else {
            throw GateSyntaxError("\"\(expression)\": \"\(text)\" is not a number with a unit (ms, s, us, %, J, Wh, $)")
        }
        return number * scale
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// A gate expression or selector that cannot be read.
public struct GateSyntaxError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String
    init(_ description: String) { self.description = description }
}
