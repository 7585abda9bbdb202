import ArgumentParser
import Foundation
import ProctorClient
import ProctorCore

/// `--judge` and the options that shape judging, shared by `eval` and `judge`.
struct JudgeOptions: ParsableArguments {
    @Option(help: "The judge: `local`, a name from the config file, or a base URL (with --judge-model-name).")
    var judge: String?

    @Option(help: "The model name to request from a URL judge (default: the first one it lists).")
    var judgeModelName: String?

    @Option(help: "Environment variable holding the judge's API key (for a URL judge).")
    var judgeApiKeyEnv: String?

    @Option(help: "Judge requests in flight at once.")
    var judgeConcurrency: Int = 4

    @Option(help: "The most judge requests started per unit of time, e.g. 10/s or 500/min (default: no limit).")
    var judgeRate: String?

    @Option(help: "The most judge tokens (prompt and output) per minute, for providers that count them.")
    var judgeTpm: Int?

    @Option(help: "Judge each answer this many times, to measure the judge's own spread.")
    var judgeSamples: Int = 1

    @Option(help: "The judge's sampling temperature (FastChat: 0).")
    var judgeTemperature: Double = 0

    @Option(help: "The most tokens per judgment (FastChat: 2048).")
    var judgeMaxTokens: Int = 2048

    @Option(help: "Attempts per judge request, the first included; 429 and 5xx are retried, honouring Retry-After.")
    var judgeAttempts: Int = 6

    @Flag(help: "Compare the models in pairs (both orders) instead of rating each answer.")
    var pairwise = false

    @Option(help: "With --pairwise: compare every model against this one (a --model value, or a run id for `judge`).")
    var baseline: String?

    @Option(help: "Seed of the bootstrap over questions that gives each score's 95% interval.")
    var bootstrapSeed: UInt64 = 0

    func validate() throws {
        if judge == nil, judgeModelName != nil || judgeApiKeyEnv != nil || judgeRate != nil || judgeTpm != nil || pairwise {
            throw ValidationError("--judge-model-name, --judge-api-key-env, --judge-rate, --judge-tpm and --pairwise need --judge")
        }
        if baseline != nil, !pairwise { throw ValidationError("--baseline applies to --pairwise") }
        if judgeConcurrency < 1 { throw ValidationError("--judge-concurrency must be at least 1") }
        if judgeSamples < 1 { throw ValidationError("--judge-samples must be at least 1") }
        if judgeTemperature < 0 { throw ValidationError("--judge-temperature must not be negative") }
        if judgeMaxTokens < 1 { throw ValidationError("--judge-max-tokens must be at least 1") }
        if judgeAttempts < 1 { throw ValidationError("--judge-attempts must be at least 1") }
        if let judgeTpm, judgeTpm < 1 { throw ValidationError("--judge-tpm must be at least 1") }
        _ = try requestsPerSecond()
    }

    /// `--judge-rate` as requests per second.
    func requestsPerSecond() throws -> Double? {
        guard let judgeRate else { return nil }
        let parts = judgeRate.split(separator: "/", maxSplits: 1).map(String.init)
        let divisor: Double? =
            switch parts.count == 2 ? parts[1] : "s" {
            case "s", "sec", "second": 1
            case "m", "min", "minute": 60
            default: nil
            }
        guard let count = Double(parts[0]), count > 0, count.isFinite, let divisor else {
            throw ValidationError("--judge-rate '\(judgeRate)' is not a rate; write it like 10/s or 500/min")
        }
        return count / divisor
    }

    /// The judge's target.
    func resolve(config: String) throws -> TargetOptions.Target? {
        guard let judge else { return nil }
        return try TargetOptions.resolve(judge, modelName: judgeModelName, apiKeyEnv: judgeApiKeyEnv, config: config)
    }

    /// The specification stored with each judged run; the endpoint is filled in once the judge is
    /// reachable.
    func specification(comparedRunIds: [String], baselineRunId: String?) throws -> JudgeSpecification? {
        guard let judge else { return nil }
        return JudgeSpecification(
            target: judge, endpointURL: "", modelName: judgeModelName ?? "", modelId: nil,
            parameters: GenerationParameters(temperature: judgeTemperature, maxTokens: judgeMaxTokens, seed: nil),
            samples: judgeSamples, concurrency: judgeConcurrency, requestsPerSecond: try requestsPerSecond(),
            tokensPerMinute: judgeTpm, mode: pairwise ? .pairwise : .single, comparedRunIds: comparedRunIds,
            baselineRunId: baselineRunId, bootstrapSeed: bootstrapSeed)
    }
}
