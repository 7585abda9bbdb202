import Foundation
public import ProctorCore

/// How a user's JSONL task turns a response and a label into a verdict.
///
/// `exact` (trimmed, case-insensitive, a trailing full stop ignored), `numeric` (the last number in
/// the response equals the label's number), `contains` (the label occurs in the response,
/// case-insensitive), `regex:PATTERN` (the pattern's first match — its first non-empty group when
/// it has groups — compared as `exact`), `math` (``MathEquivalence`` on the boxed / "final answer" /
/// last `$…$` answer), `json` (the answer's JSON against a label object: Proctor's robust
/// extraction and EdgeJSON's metrics, see ``JSONAnswerScoring``) or `none` (store outputs, claim
/// no accuracy).
public enum TaskScorer: Sendable, Hashable {
    /// Whole-response equality.
    case exact
    /// Numeric equality of the last number.
    case numeric
    /// Substring containment.
    case contains
    /// Regex extraction, then equality.
    case regex(String)
    /// Mathematical equivalence.
    case math
    /// JSON extraction scored against an expected object (and a JSON Schema, when the task has one).
    case json
    /// A judge grades each answer afterwards: `judge:rubric` (three criteria 1–5) or `judge:grade`
    /// (correct or incorrect).
    case judge(rubric: Bool)
    /// No scoring.
    case none

    /// Parses `exact`, `numeric`, `contains`, `regex:PATTERN`, `math` or `none`.
    public init(spec: String) throws(TaskScorerError) {
        switch spec {
        case "exact": self = .exact
        case "numeric": self = .numeric
        case "contains": self = .contains
        case "math": self = .math
        case "json": self = .json
        case "judge:rubric": self = .judge(rubric: true)
        case "judge:grade": self = .judge(rubric: false)
        case "none": self = .none
        default:
            guard spec.hasPrefix("regex:") else {
                throw TaskScorerError("unknown scorer '\(spec)'; use exact, numeric, contains, regex:PATTERN, math, json, judge:rubric, judge:grade or none")
            }
            let pattern = String(spec.dropFirst(6))
            do {
                _ = try NSRegularExpression(pattern: pattern)
            } catch {
                throw TaskScorerError("the pattern of '\(spec)' does not compile; write it in ICU/Python regex syntax")
            }
            self = .regex(pattern)
        }
    }

    /// The spelling ``init(spec:)`` accepts.
    public var spec: String {
        switch self {
        case .exact: "exact"
        case .numeric: "numeric"
        case .contains: "contains"
        case .regex(let pattern): "regex:\(pattern)"
        case .math: "math"
        case .json: "json"
        case .judge(let rubric): rubric ? "judge:rubric" : "judge:grade"
        case .none: "none"
        }
    }

    /// The names of the extractors this scorer reports, primary first (none for `none`); the
    /// outputs of ``score(response:label:)`` carry them, so the summary finds its verdicts.
    var extractorNames: [String] {
        switch self {
        case .none, .judge: []
        case .regex: ["regex"]
        case .json: JSONAnswerScoring.extractorNames
        default: [spec]
        }
    }

    private static let lastNumber = RegexExtractor(name: "numeric", pattern: #"-?[0-9][0-9,]*(?:\.[0-9]+)?|-?\.[0-9]+"#, select: .last)

    /// The verdict on `response` against `label`.
    func score(response: String, label: String, schema: JSONSchemaValidator? = nil) -> SampleScore {
        guard let name = extractorNames.first else { return SampleScore(outputs: []) }
        switch self {
        case .exact:
            let answer = response.trimmingCharacters(in: .whitespacesAndNewlines)
            return SampleScore(outputs: [equality(name: name, answer: answer, label: label)])
        case .contains:
            let found = response.range(of: label, options: [.caseInsensitive]) != nil
            let output = ExtractorOutput(
                name: name, extracted: found ? label : response, normalized: label.lowercased(), correct: found)
            return SampleScore(outputs: [output])
        case .numeric:
            let answer = Self.lastNumber.extract(from: response)
            let value = answer.flatMap(Self.number)
            let expected = Self.number(label)
            var correct = false
            if let value, let expected { correct = Self.close(value, expected) }
            var output = ExtractorOutput(
                name: name, extracted: answer, normalized: value.map { String($0) } ?? "[invalid]", correct: correct,
                rule: "last-number")
            if answer != nil, expected == nil { output.unscorable = UnscorableReason.noReference }
            return SampleScore(outputs: [output])
        case .regex(let pattern):
            let answer = RegexExtractor(name: name, pattern: pattern, select: .first).extract(from: response)
            guard let answer else {
                return SampleScore(outputs: [ExtractorOutput(name: name, extracted: nil, normalized: "[invalid]", correct: false)])
            }
            return SampleScore(outputs: [equality(name: name, answer: answer, label: label)])
        case .math:
            // The flexible extractor finds the answer; the output is named after this scorer.
            var outputs = MathBenchmark.score(response: response, reference: label, extractors: [MathProtocol.flexible]).outputs
            for index in outputs.indices { outputs[index].name = name }
            return SampleScore(outputs: outputs)
        case .json:
            return JSONAnswerScoring.score(response: response, expected: JSONValueParser.parse(label) ?? .string(label), validator: schema)
        case .judge, .none:
            return SampleScore(outputs: [])
        }
    }

    private func equality(name: String, answer: String, label: String) -> ExtractorOutput {
        let normalized = Self.canonical(answer)
        return ExtractorOutput(
            name: name, extracted: answer, normalized: normalized, correct: normalized == Self.canonical(label))
    }

    private static func canonical(_ text: String) -> String {
        var result = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if result.hasSuffix(".") { result.removeLast() }
        return result
    }

    private static func number(_ text: String) -> Double? {
        Double(text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: ",", with: ""))
    }

    private static func close(_ lhs: Double, _ rhs: Double) -> Bool {
        abs(lhs - rhs) <= 1e-9 * max(1, abs(lhs), abs(rhs))
    }
}

/// A `--scorer` value that cannot be used.
public struct TaskScorerError: ProctorFailure, Sendable {
    /// What is wrong and what to write instead.
    public var description: String
    /// ``ErrorCode/badInput``.
    public var code: ErrorCode { .badInput }
    init(_ description: String) { self.description = description }
}
