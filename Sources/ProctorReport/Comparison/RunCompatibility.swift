public import ProctorCore

/// What may differ between two compared runs. By default nothing that changes what is measured
/// may: a comparison of different prompts, datasets or settings is not a regression test.
public enum ComparedAspect: String, Codable, Sendable, CaseIterable {
    /// The benchmark or workload name.
    case benchmark
    /// The prompt protocol or load mode.
    case `protocol`
    /// The dataset's SHA-256.
    case dataset
    /// Temperature, max tokens, seed, stop, top-p.
    case parameters
    /// The judge model and its settings.
    case judge
    /// Whether a load run streamed: without streaming, TTFT is the whole latency.
    case streaming
}

/// One way two runs differ, named for the person who must decide whether it matters.
public struct RunDifference: Codable, Sendable, Hashable, CustomStringConvertible {
    /// Which aspect differs.
    public var aspect: ComparedAspect
    /// The base run's value.
    public var base: String
    /// The candidate's value.
    public var candidate: String

    /// `dataset: sha256 ab12… vs cd34…`.
    public var description: String { "\(aspect.rawValue): \(base) vs \(candidate)" }
}

/// Finds how two runs differ in what they measure.
public enum RunCompatibility {
    /// Every difference between `base` and `candidate` that would make a comparison unfair.
    public static func differences(_ base: Run, _ candidate: Run) -> [RunDifference] {
        var found: [RunDifference] = []
        func check(_ aspect: ComparedAspect, _ a: String, _ b: String) {
            if a != b { found.append(RunDifference(aspect: aspect, base: a, candidate: b)) }
        }
        switch (base.specification, candidate.specification) {
        case (.eval(let a), .eval(let b)):
            check(.benchmark, a.benchmark, b.benchmark)
            check(.protocol, a.promptProtocol, b.promptProtocol)
            check(.dataset, "\(a.dataset.name) sha256 \(a.dataset.sha256.prefix(12))", "\(b.dataset.name) sha256 \(b.dataset.sha256.prefix(12))")
            check(.parameters, describe(a.parameters), describe(b.parameters))
            check(.judge, a.judge.map(describe) ?? "none", b.judge.map(describe) ?? "none")
        case (.load(let a), .load(let b)):
            check(.benchmark, a.workload.name, b.workload.name)
            check(.protocol, a.modeName, b.modeName)
            check(.dataset, a.workload.dataset.sha256.prefix(12).description, b.workload.dataset.sha256.prefix(12).description)
            check(.parameters, describe(a.workload.parameters), describe(b.workload.parameters))
            check(.streaming, a.streaming ? "streamed" : "not streamed", b.streaming ? "streamed" : "not streamed")
        default:
            break
        }
        return found
    }

    static func describe(_ parameters: GenerationParameters) -> String {
        var parts = ["temperature \(parameters.temperature)", "max tokens \(parameters.maxTokens)"]
        parts.append("seed \(parameters.seed.map(String.init) ?? "none")")
        if !parameters.stop.isEmpty { parts.append("stop \(parameters.stop)") }
        if let topP = parameters.topP { parts.append("top-p \(topP)") }
        if let ignoreEOS = parameters.ignoreEOS { parts.append("ignore-eos \(ignoreEOS)") }
        return parts.joined(separator: ", ")
    }

    static func describe(_ judge: JudgeSpecification) -> String {
        "\(judge.modelId ?? judge.modelName) (\(judge.mode.rawValue), temperature \(judge.parameters.temperature))"
    }
}
