public import ProctorCore

/// The benchmarks Proctor ships, by name, with their protocols.
public enum BenchmarkCatalog {
    /// Benchmark names `proctor eval` accepts.
    public static let names = ["gsm8k", "math500", "math", "mt-bench", "edgejson", "mathchat-followup", "mathchat-error-correction", "mathchat-error-analysis", "mathchat-problem-generation", "mathchat"]

    /// MathChat's four tasks, which `mathchat` names together.
    public static let mathChatTasks = [
        "mathchat-followup", "mathchat-error-correction", "mathchat-error-analysis", "mathchat-problem-generation",
    ]

    /// The benchmarks a judge grades (`--judge`).
    public static let judgedNames = ["mt-bench", "mathchat-error-analysis", "mathchat-problem-generation"]

    /// Whether runs of `specification` are graded by a judge: a judged benchmark, or a JSONL task
    /// with a judge scorer.
    public static func isJudged(_ specification: EvalSpecification) -> Bool {
        judgedNames.contains(specification.benchmark) || specification.task?.scorer.hasPrefix("judge:") == true
    }

    /// The default protocol of each benchmark.
    public static func defaultProtocol(for benchmark: String) -> String? {
        protocols(for: benchmark).first
    }

    /// Protocol names a benchmark accepts, its default first.
    public static func protocols(for benchmark: String) -> [String] {
        switch benchmark {
        case "gsm8k": GSM8KProtocol.all.map(\.name)
        case "math500", "math": MathProtocol.all.map(\.name)
        case "mt-bench": MTBenchBenchmark.TemperatureRule.allCases.map(\.rawValue)
        case "edgejson": EdgeJSONBenchmark.PromptProtocol.allCases.map(\.rawValue)
        case "mathchat-followup", "mathchat-error-correction", "mathchat-error-analysis", "mathchat-problem-generation":
            ["mathchat_proctor"]
        default: []
        }
    }

    /// Builds `name` with `protocolName` (its default when `nil`).
    ///
    /// - Throws: ``CatalogError`` for an unknown benchmark or protocol, ``DatasetError`` when the
    ///   bundled data cannot be read.
    public static func make(_ name: String, protocol protocolName: String?) throws -> any Benchmark {
        /// The protocol `protocolName` names (the benchmark's default when `nil`), read by `parse`.
        func chosen<Protocol>(default fallback: String, _ parse: (String) -> Protocol?) throws -> Protocol {
            let chosen = protocolName ?? fallback
            guard let promptProtocol = parse(chosen) else {
                throw CatalogError(
                    "unknown protocol '\(chosen)' for \(name); choose one of: \(protocols(for: name).joined(separator: ", "))")
            }
            return promptProtocol
        }
        switch name {
        case "gsm8k":
            return try GSM8KBenchmark(protocol: try chosen(default: GSM8KProtocol.chainOfThought8Shot.name, GSM8KProtocol.named))
        case "math500", "math":
            return try MathBenchmark(
                split: name == "math" ? .test : .math500, protocol: try chosen(default: MathProtocol.minerva.name, MathProtocol.named))
        case "mt-bench":
            return try MTBenchBenchmark(
                temperatureRule: try chosen(
                    default: MTBenchBenchmark.TemperatureRule.perCategory.rawValue, MTBenchBenchmark.TemperatureRule.init(rawValue:)))
        case "edgejson":
            return try EdgeJSONBenchmark(
                protocol: try chosen(
                    default: EdgeJSONBenchmark.PromptProtocol.plain.rawValue, EdgeJSONBenchmark.PromptProtocol.init(rawValue:)))
        case "mathchat-followup", "mathchat-error-correction", "mathchat-error-analysis", "mathchat-problem-generation":
            _ = try chosen(default: "mathchat_proctor") { $0 == "mathchat_proctor" ? $0 : nil }
            switch name {
            case "mathchat-followup": return try MathChatFollowUp()
            case "mathchat-error-correction": return try MathChatErrorCorrection()
            case "mathchat-error-analysis": return try MathChatErrorAnalysis()
            default: return try MathChatProblemGeneration()
            }
        default:
            throw CatalogError("unknown benchmark '\(name)'; available: \(names.joined(separator: ", "))")
        }
    }
}

/// A benchmark or protocol name that Proctor does not know.
public struct CatalogError: ProctorFailure, Sendable {
    /// What was asked for and what exists.
    public var message: String
    /// ``ErrorCode/badInput``.
    public var code: ErrorCode { .badInput }
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
