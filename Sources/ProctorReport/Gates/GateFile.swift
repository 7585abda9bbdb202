import Foundation
public import ProctorCore
import Yams

/// A gate file: k6's `thresholds` map — a metric with optional tags, then a list of
/// expressions — with defaults for the statistics behind them.
///
/// ```yaml
/// defaults: {alpha: 0.05, min_samples: 30, on_inconclusive: fail, correction: holm}
/// thresholds:
///   accuracy{extractor:strict-match}: ["rate >= 0.5", {threshold: "ci_low >= 0.4", severity: warn}]
///   accuracy{vs:baseline}: ["delta >= -0.02 significant"]
///   ttft{users:8}: ["p(95) < 500ms", "p(99) <= baseline * 1.10 + 20ms"]
/// ```
public struct GateFile: Sendable {
    /// What an inconclusive threshold counts as.
    public enum InconclusivePolicy: String, Sendable {
        /// It fails the gate (the default: absence of evidence is not a pass).
        case fail
        /// It is reported but does not fail.
        case warn
    }

    /// Whether a threshold's failure fails the gate.
    public enum Severity: String, Sendable {
        /// A failure fails the gate (exit 1): the default.
        case error
        /// A failure is reported and does not fail the gate.
        case warn
    }

    /// One threshold: a selector and one expression, where it was written.
    public struct Threshold: Sendable {
        /// The metric and tags.
        public var selector: GateSelector
        /// The expression.
        public var expression: GateExpression
        /// `file:line:column` of the expression.
        public var location: String
        /// Whether its failure fails the gate.
        public var severity: Severity = .error
    }

    /// Significance level of `significant` expressions (one-sided "worse" test).
    public var alpha: Double = 0.05
    /// Fewer items or requests than this make a threshold inconclusive.
    public var minimumSamples: Int = 1
    /// What inconclusive means.
    public var onInconclusive: InconclusivePolicy = .fail
    /// Whether `significant` p-values are Holm-adjusted across the file.
    public var holm = true
    /// Bootstrap resamples for intervals the gates need.
    public var iterations = 10_000
    /// Bootstrap seed.
    public var seed: UInt64 = 1234
    /// Thresholds in file order.
    public var thresholds: [Threshold] = []
    /// Whether any threshold needs a baseline run.
    public var needsBaseline: Bool {
        thresholds.contains { $0.selector.againstBaseline || $0.expression.limit.usesBaseline }
    }

    /// Reads the gate file at `path`.
    public init(contentsOf path: String) throws(GateFileError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw GateFileError(file: path, line: nil, column: nil, message: "cannot read the gate file: \(error.localizedDescription)")
        }
        try self.init(yaml: text, file: path)
    }

    /// Parses gate YAML; errors name `file`, the line and column, and the field.
    public init(yaml: String, file: String) throws(GateFileError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw GateFileError(file: file, yaml: error)
        } catch {
            throw GateFileError(file: file, line: nil, column: nil, message: "\(error)")
        }
        guard let mapping = root?.mapping else {
            throw GateFileError(file: file, line: 1, column: 1, message: "a gate file is a mapping with a `thresholds` key")
        }
        var sawThresholds = false
        for (key, value) in mapping {
            switch key.string {
            case "thresholds":
                sawThresholds = true
                try readThresholds(value, file: file)
            case "defaults":
                try readDefaults(value, file: file)
            case "version":
                guard value.int == 1 else { throw GateFileError(file: file, node: value, message: "version must be 1") }
            default:
                throw GateFileError(file: file, node: key, message: "unknown key \"\(key.string ?? "")\"; a gate file has `thresholds`, `defaults` and `version`")
            }
        }
        guard sawThresholds else { throw GateFileError(file: file, line: 1, column: 1, message: "the gate file has no `thresholds`") }
        guard !thresholds.isEmpty else { throw GateFileError(file: file, line: 1, column: 1, message: "`thresholds` is empty") }
    }

    private mutating func readThresholds(_ node: Node, file: String) throws(GateFileError) {
        guard let mapping = node.mapping else {
            throw GateFileError(file: file, node: node, message: "`thresholds` maps metrics to lists of expressions")
        }
        for (key, value) in mapping {
            let selector: GateSelector
            do {
                selector = try GateSelector(parsing: key.string ?? "")
            } catch {
                throw GateFileError(file: file, node: key, message: error.description)
            }
            let expressions: [Node]
            if value.scalar != nil {
                expressions = [value]
            } else if let sequence = value.sequence, !sequence.isEmpty {
                expressions = Array(sequence)
            } else {
                throw GateFileError(file: file, node: value, message: "\"\(selector)\" needs a list of expressions, e.g. [\"p(95) < 500ms\"]")
            }
            for item in expressions {
                let (node, severity) = try Self.expressionNode(item, file: file)
                guard let text = node.string else {
                    throw GateFileError(file: file, node: node, message: "an expression is a string such as \"rate >= 0.5\"")
                }
                do {
                    let expression = try GateExpression(parsing: text)
                    try Self.check(expression, for: selector)
                    let mark = node.mark
                    thresholds.append(
                        Threshold(
                            selector: selector, expression: expression, location: "\(file):\(mark?.line ?? 0):\(mark?.column ?? 0)",
                            severity: severity))
                } catch {
                    throw GateFileError(file: file, node: node, message: error.description)
                }
            }
        }
    }

    /// An expression as a string, or in k6's long form `{threshold: "p(95) < 1s", severity: warn}`.
    static func expressionNode(_ item: Node, file: String) throws(GateFileError) -> (Node, Severity) {
        guard let mapping = item.mapping else { return (item, .error) }
        var threshold: Node?
        var severity = Severity.error
        for (key, value) in mapping {
            switch key.string {
            case "threshold": threshold = value
            case "severity":
                guard let chosen = value.string.flatMap(Severity.init) else {
                    throw GateFileError(file: file, node: value, message: "severity must be error or warn")
                }
                severity = chosen
            default:
                throw GateFileError(
                    file: file, node: key, message: "unknown field \"\(key.string ?? "")\" in a threshold; use threshold and severity")
            }
        }
        guard let threshold else {
            throw GateFileError(file: file, node: item, message: "a threshold in long form needs `threshold: \"expression\"`")
        }
        return (threshold, severity)
    }

    /// Refuses aggregates that make no sense for a metric, at parse time rather than at the gate.
    static func check(_ expression: GateExpression, for selector: GateSelector) throws(GateSyntaxError) {
        let aggregate = expression.aggregate
        switch selector.metric {
        case .ttft, .tpot, .itl, .e2el:
            switch aggregate {
            case .avg, .min, .max, .med, .percentile: return
            default: throw GateSyntaxError("\"\(expression)\": \(selector.metric.rawValue) takes avg, min, max, med or p(N)")
            }
        case .accuracy:
            switch aggregate {
            case .rate, .count, .value, .ciLow, .ciHigh, .delta, .ciLowDelta, .ciHighDelta: break
            default: throw GateSyntaxError("\"\(expression)\": accuracy takes rate, count, ci_low, ci_high, delta, ci_low(delta) or ci_high(delta)")
            }
        case .errors:
            switch aggregate {
            case .rate, .count: return
            default: throw GateSyntaxError("\"\(expression)\": errors take rate or count")
            }
        case .judgeScore:
            switch aggregate {
            case .value, .avg, .delta, .ciLowDelta, .ciHighDelta: break
            default: throw GateSyntaxError("\"\(expression)\": judge_score takes value, delta, ci_low(delta) or ci_high(delta)")
            }
        default:
            switch aggregate {
            case .value, .ratio: return
            default: throw GateSyntaxError("\"\(expression)\": \(selector.metric.rawValue) takes a plain value (\"value >= 40\" or \">= 40\")")
            }
        }
        if aggregate.needsBaseline, !selector.againstBaseline {
            throw GateSyntaxError("\"\(expression)\": \(aggregate) needs a baseline; add vs:baseline to the metric's tags")
        }
    }

    private mutating func readDefaults(_ node: Node, file: String) throws(GateFileError) {
        guard let mapping = node.mapping else { throw GateFileError(file: file, node: node, message: "`defaults` is a mapping") }
        for (key, value) in mapping {
            switch key.string {
            case "alpha":
                guard let alpha = value.float, alpha > 0, alpha < 1 else {
                    throw GateFileError(file: file, node: value, message: "defaults.alpha must be a number between 0 and 1")
                }
                self.alpha = alpha
            case "min_samples":
                guard let count = value.int, count >= 1 else {
                    throw GateFileError(file: file, node: value, message: "defaults.min_samples must be a whole number ≥ 1")
                }
                minimumSamples = count
            case "on_inconclusive":
                guard let policy = value.string.flatMap(InconclusivePolicy.init) else {
                    throw GateFileError(file: file, node: value, message: "defaults.on_inconclusive must be fail or warn")
                }
                onInconclusive = policy
            case "correction":
                switch value.string {
                case "holm": holm = true
                case "none": holm = false
                default: throw GateFileError(file: file, node: value, message: "defaults.correction must be holm or none")
                }
            case "bootstrap":
                guard let settings = value.mapping else {
                    throw GateFileError(file: file, node: value, message: "defaults.bootstrap is {iterations: N, seed: S}")
                }
                for (name, setting) in settings {
                    switch name.string {
                    case "iterations":
                        guard let count = setting.int, count >= 100 else {
                            throw GateFileError(file: file, node: setting, message: "defaults.bootstrap.iterations must be ≥ 100")
                        }
                        iterations = count
                    case "seed":
                        guard let seed = setting.int, seed >= 0 else {
                            throw GateFileError(file: file, node: setting, message: "defaults.bootstrap.seed must be a whole number ≥ 0")
                        }
                        self.seed = UInt64(seed)
                    default:
                        throw GateFileError(file: file, node: name, message: "unknown field defaults.bootstrap.\(name.string ?? ""); use iterations and seed")
                    }
                }
            default:
                throw GateFileError(
                    file: file, node: key,
                    message: "unknown field defaults.\(key.string ?? ""); use alpha, min_samples, on_inconclusive, correction, bootstrap")
            }
        }
    }
}

/// A gate file that cannot be used: the file, line and column, and what to change.
public struct GateFileError: ProctorFailure, Sendable {
    /// ``ErrorCode/badInput``: exit 2.
    public var code: ErrorCode { .badInput }
    /// The file.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// What is wrong.
    public var message: String

    /// `file:line:column: message`.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }

    init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    init(file: String, node: Node, message: String) {
        self.init(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    init(file: String, yaml error: YamlError) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            self.init(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "duplicate key\(duplicates.count > 1 ? "s" : "") \(duplicates.joined(separator: ", ")): write each metric once with a list of expressions")
        default:
            self.init(file: file, line: nil, column: nil, message: "not valid YAML: \(error)")
        }
    }
}
