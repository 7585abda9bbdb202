/// How a judged run's answers are graded: which judge, with which settings, how often, and
/// against which other runs. Stored with the run, so a resumed run judges the same way and a
/// summary can recompute its intervals.
public struct JudgeSpecification: Codable, Sendable, Hashable {
    /// What `--judge` named (`local`, a config name or a URL).
    public var target: String
    /// The judge's base URL.
    public var endpointURL: String
    /// The model name requested from the judge.
    public var modelName: String
    /// The model id the judge's server reported.
    public var modelId: String?
    /// The environment variable that holds the judge's API key (its name, never the key), so a
    /// resumed run finds the key again.
    public var apiKeyEnvironmentVariable: String?
    /// The judge's generation settings (FastChat: temperature 0, 2,048 tokens).
    public var parameters: GenerationParameters
    /// Judgments per answer (`--judge-samples`); more than one measures the judge's own spread.
    public var samples: Int
    /// Judge requests in flight at once.
    public var concurrency: Int
    /// The most judge requests started per second, if limited.
    public var requestsPerSecond: Double?
    /// The most judge tokens (prompt and output) per minute, if limited.
    public var tokensPerMinute: Int?
    /// `single` (a rating per answer) or `pairwise` (two answers compared, in both orders).
    public var mode: JudgeMode
    /// Pairwise grading: every run compared, in the order given; the run itself included.
    public var comparedRunIds: [String]
    /// Pairwise grading against one baseline run, or `nil` for all pairs.
    public var baselineRunId: String?
    /// Seed of the bootstrap over questions that gives the 95% intervals.
    public var bootstrapSeed: UInt64
    /// Bootstrap resamples.
    public var bootstrapResamples: Int
    /// Prices of the judge's tokens, when the config gives them.
    public var prices: TokenPrices?

    /// Creates a judge specification; the defaults are FastChat's single grading.
    public init(
        target: String, endpointURL: String, modelName: String, modelId: String?,
        parameters: GenerationParameters = JudgeSpecification.fastChatParameters, samples: Int = 1, concurrency: Int = 4,
        requestsPerSecond: Double? = nil, tokensPerMinute: Int? = nil, mode: JudgeMode = .single,
        comparedRunIds: [String] = [], baselineRunId: String? = nil, bootstrapSeed: UInt64 = 0,
        bootstrapResamples: Int = 1000, prices: TokenPrices? = nil
    ) {
        self.target = target
        self.endpointURL = endpointURL
        self.modelName = modelName
        self.modelId = modelId
        self.parameters = parameters
        self.samples = samples
        self.concurrency = concurrency
        self.requestsPerSecond = requestsPerSecond
        self.tokensPerMinute = tokensPerMinute
        self.mode = mode
        self.comparedRunIds = comparedRunIds
        self.baselineRunId = baselineRunId
        self.bootstrapSeed = bootstrapSeed
        self.bootstrapResamples = bootstrapResamples
        self.prices = prices
    }

    /// FastChat's judge call for OpenAI judges: temperature 0, 2,048 tokens, no seed.
    public static let fastChatParameters = GenerationParameters(temperature: 0, maxTokens: 2048, seed: nil)
}

/// How a judge grades.
public enum JudgeMode: String, Codable, Sendable, Hashable {
    /// A rating per answer (FastChat `single`).
    case single
    /// Two runs' answers compared, each pair in both orders (FastChat `pairwise-baseline` and
    /// `pairwise-all`).
    case pairwise
}

/// What an endpoint charges, in US dollars per million tokens, as the config file says.
public struct TokenPrices: Codable, Sendable, Hashable {
    /// Dollars per million prompt tokens.
    public var inputPerMillion: Double
    /// Dollars per million generated tokens.
    public var outputPerMillion: Double

    /// Creates prices.
    public init(inputPerMillion: Double, outputPerMillion: Double) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
    }

    /// What `prompt` and `completion` tokens cost.
    public func cost(promptTokens: Int, completionTokens: Int) -> Double {
        Double(promptTokens) * inputPerMillion / 1_000_000 + Double(completionTokens) * outputPerMillion / 1_000_000
    }
}
