import Foundation

/// A metric with optional tags in braces, as k6 writes sub-metrics:
/// `accuracy{extractor:strict-match, vs:baseline}`, `ttft{users:8}`, `throughput{rate:4}`.
public struct GateSelector: Sendable, Hashable, CustomStringConvertible {
    /// The metric name.
    public var metric: GateMetric
    /// The tags, by name.
    public var tags: [String: String]
    /// The key as written.
    public var text: String

    /// The key as written.
    public var description: String { text }

    /// Whether the selector compares against a baseline run (`vs:baseline`).
    public var againstBaseline: Bool { tags["vs"] == "baseline" }

    /// Parses `text`.
    public init(parsing text: String) throws(GateSyntaxError) {
        self.text = text
        var name = text.trimmingCharacters(in: .whitespaces)
        var tags: [String: String] = [:]
        if let open = name.firstIndex(of: "{") {
            guard name.hasSuffix("}") else { throw GateSyntaxError("\"\(text)\": tags must close with }") }
            let body = name[name.index(after: open)..<name.index(before: name.endIndex)]
            for part in body.split(separator: ",") {
                let pair = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty else {
                    throw GateSyntaxError("\"\(text)\": tag \"\(part)\" is not name:value")
                }
                guard GateMetric.knownTags.contains(pair[0]) else {
                    throw GateSyntaxError(
                        "\"\(text)\": unknown tag \"\(pair[0])\"; known tags: \(GateMetric.knownTags.sorted().joined(separator: ", "))")
                }
                tags[pair[0]] = pair[1]
            }
            name = String(name[..<open])
        }
        guard let metric = GateMetric(rawValue: name) else {
            throw GateSyntaxError(
                "unknown metric \"\(name)\"; known metrics: \(GateMetric.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let vs = tags["vs"], vs != "baseline" {
            throw GateSyntaxError("\"\(text)\": the only comparison is vs:baseline")
        }
        self.metric = metric
        self.tags = tags
    }
}

/// The metrics a gate can name.
public enum GateMetric: String, Sendable, Hashable, CaseIterable {
    /// An extractor's accuracy (eval runs; `extractor:` tag, primary by default).
    case accuracy
    /// The mean judge score of a judged run (MT-bench rating, rubric mean, grade).
    case judgeScore = "judge_score"
    /// Time to first token.
    case ttft
    /// Time per output token.
    case tpot
    /// Inter-token latency.
    case itl
    /// End-to-end latency.
    case e2el
    /// Failed requests (transport errors; never wrong answers).
    case errors
    /// Completed requests per second.
    case throughput
    /// Output tokens per second.
    case outputThroughput = "output_throughput"
    /// Requests meeting every SLO per second.
    case goodput
    /// The offered load at the saturation point.
    case saturation
    /// The model's token cost in dollars, when the config gives prices.
    case cost
    /// Dollars per correct answer of the primary extractor.
    case costPerCorrect = "cost_per_correct"
    /// Energy in joules, when the run recorded it.
    case energy
    /// Joules per correct answer.
    case energyPerCorrect = "energy_per_correct"
    /// Joules per output token.
    case energyPerToken = "energy_per_token"

    /// Tags a selector may carry.
    static let knownTags: Set<String> = ["extractor", "vs", "users", "rate", "level", "category"]

    /// Whether values are seconds (so `500ms` reads naturally).
    var isLatency: Bool { [.ttft, .tpot, .itl, .e2el].contains(self) }
}
