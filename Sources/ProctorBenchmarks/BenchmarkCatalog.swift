public import ProctorCore

/// The benchmarks Proctor ships, by name, with their protocols.
public enum BenchmarkCatalog {
    /// Benchmark names `proctor eval` accepts.
    public static let names = ["gsm8k", "math500", "math", "mt-bench", "edgejson", "mathchat-followup", "mathchat-error-correction"]

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
        case "mathchat-followup", "mathchat-error-correction": ["mathchat_proctor"]
        default: []
        }
    }

    /// Builds `name` with `protocolName` (its default when `nil`).
    ///
    /// - Throws: ``CatalogError`` for an unknown benchmark or protocol, ``DatasetError`` when the
    ///   bundled data cannot be read.
    public static func make(_ name: String, protocol protocolName: String?) throws -> any Benchmark {
        switch name {
        case "gsm8k":
            let chosen = protocolName ?? GSM8KProtocol.chainOfThought8Shot.name
            guard let promptProtocol = GSM8KProtocol.named(chosen) else {
                throw CatalogError(
                    "unknown protocol '\(chosen)' for gsm8k; choose one of: \(protocols(for: name).joined(separator: ", "))")
            }
            return try GSM8KBenchmark(protocol: promptProtocol)
        case "math500", "math":
            let chosen = protocolName ?? MathProtocol.minerva.name
            guard let promptProtocol = MathProtocol.named(chosen) else {
                throw CatalogError(
                    "unknown protocol '\(chosen)' for \(name); choose one of: \(protocols(for: name).joined(separator: ", "))")
            }
            return try MathBenchmark(split: name == "math" ? .test : .math500, protocol: promptProtocol)
        case "mt-bench":
            let chosen = protocolName ?? MTBenchBenchmark.TemperatureRule.perCategory.rawValue
            guard let rule = MTBenchBenchmark.TemperatureRule(rawValue: chosen) else {
                throw CatalogError(
                    "unknown protocol '\(chosen)' for mt-bench; choose one of: \(protocols(for: name).joined(separator: ", "))")
            }
            return try MTBenchBenchmark(temperatureRule: rule)
        case "edgejson":
            let chosen = protocolName ?? EdgeJSONBenchmark.PromptProtocol.plain.rawValue
            guard let promptProtocol = EdgeJSONBenchmark.PromptProtocol(rawValue: chosen) else {
                throw CatalogError(
                    "unknown protocol '\(chosen)' for edgejson; choose one of: \(protocols(for: name).joined(separator: ", "))")
            }
            return try EdgeJSONBenchmark(protocol: promptProtocol)
        case "mathchat-followup", "mathchat-error-correction":
            if let protocolName, protocolName != "mathchat_proctor" {
                throw CatalogError("unknown protocol '\(protocolName)' for \(name); it has one: mathchat_proctor")
            }
            return name == "mathchat-followup" ? try MathChatFollowUp() : try MathChatErrorCorrection()
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
