/// The sampling settings sent with every request of a run, and stored with the run.
///
/// The defaults follow lm-evaluation-harness for chat completions: greedy decoding,
/// 256 new tokens and seed 1234.
public struct GenerationParameters: Codable, Sendable, Hashable {
    /// Sampling temperature; 0 asks for greedy decoding.
    public var temperature: Double
    /// The most tokens the server may generate for one answer.
    public var maxTokens: Int
    /// Seed forwarded to servers that honour it.
    public var seed: Int?
    /// Strings that end generation (at most four are sent, as lm-eval does).
    public var stop: [String]
    /// Nucleus sampling mass, when set.
    public var topP: Double?
    /// Ask the server to ignore end-of-sequence and generate exactly `maxTokens` (vLLM and
    /// llama.cpp honour `ignore_eos`); used by synthetic load workloads.
    public var ignoreEOS: Bool?

    /// Creates generation parameters; every argument has the lm-eval default.
    public init(
        temperature: Double = 0, maxTokens: Int = 256, seed: Int? = 1234, stop: [String] = [], topP: Double? = nil,
        ignoreEOS: Bool? = nil
    ) {
        self.ignoreEOS = ignoreEOS
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
        self.stop = stop
        self.topP = topP
    }
}
