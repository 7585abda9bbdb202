public import ProctorCore

/// A dataset with a named prompt protocol and its scoring: everything needed to turn a response
/// into a verdict, and nothing that talks to a server.
public protocol Benchmark: Sendable {
    /// The benchmark's name, e.g. `gsm8k`.
    var name: String { get }
    /// The prompt protocol's name, stored with the run, e.g. `gsm8k_cot`.
    var protocolName: String { get }
    /// Where the samples come from.
    var dataset: DatasetInfo { get }
    /// The extractors' names, primary first; every score has one output per name.
    var extractorNames: [String] { get }
    /// The generation parameters the protocol prescribes (stop sequences, token budget).
    var defaultParameters: GenerationParameters { get }
    /// Every sample, in dataset order.
    func samples() -> [EvalSample]
    /// Scores `response` against `sample`'s reference with every extractor.
    func score(response: String, for sample: EvalSample) -> SampleScore
}

/// The identity of a dataset, stored with every run that uses it.
public struct DatasetInfo: Sendable, Hashable, Codable {
    /// A name such as `gsm8k/test`.
    public var name: String
    /// The SHA-256 of the file's bytes, in lower-case hex.
    public var sha256: String
    /// How many samples the file holds.
    public var count: Int

    /// Creates a dataset description.
    public init(name: String, sha256: String, count: Int) {
        self.name = name
        self.sha256 = sha256
        self.count = count
    }
}
