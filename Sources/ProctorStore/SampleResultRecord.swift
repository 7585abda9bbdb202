public import Foundation
public import GRDB
public import ProctorCore

/// One row of the `sample_result` table: a sample's prompt, raw response, every extractor's
/// output, or the error that stopped it, with its timings and tokens.
public struct SampleResultRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "sample_result"

    /// The run this result belongs to.
    public var runId: String
    /// The sample's id within the dataset.
    public var sampleId: String
    /// The sample's position in the dataset.
    public var sampleIndex: Int
    /// The conversation turn (1 for single-turn benchmarks).
    public var turn: Int
    /// Whether this is the conversation's last turn (every turn of a single-turn benchmark is).
    public var isFinal: Bool
    /// When the request was sent (UTC).
    public var startedAt: Date
    /// The messages sent.
    public var prompt: [ChatMessage]
    /// The reference answer.
    public var reference: String
    /// The sample's categories (subject, level…), if it has any.
    public var groups: [String: String]?
    /// The raw response text, if the request succeeded.
    public var response: String?
    /// Why generation ended, as the server said.
    public var finishReason: String?
    /// Every extractor's output, if the request succeeded.
    public var extractions: [ExtractorOutput]?
    /// The primary extractor's verdict, if the request succeeded.
    public var correct: Bool?
    /// The error kind, if the request failed.
    public var errorKind: String?
    /// The error message, if the request failed.
    public var errorMessage: String?
    /// The last HTTP status seen, if any.
    public var httpStatus: Int?
    /// Attempts made.
    public var attempts: Int
    /// Prompt tokens reported by the server.
    public var promptTokens: Int?
    /// Completion tokens reported by the server.
    public var completionTokens: Int?
    /// Time to first token, seconds.
    public var ttft: Double?
    /// End-to-end latency, seconds.
    public var e2el: Double?
    /// Full arrival timings.
    public var timings: RequestTimings?
    /// The model id the server put in its response.
    public var model: String?
    /// The answer-cache key of the request, when the run caches answers.
    public var cacheKey: String?
    /// Whether the answer was reused from the cache.
    public var isCached: Bool

    /// Column names.
    public enum Columns {
        /// `runId`.
        public static let runId = Column(CodingKeys.runId)
        /// `sampleId`.
        public static let sampleId = Column(CodingKeys.sampleId)
        /// `sampleIndex`.
        public static let sampleIndex = Column(CodingKeys.sampleIndex)
        /// `turn`.
        public static let turn = Column(CodingKeys.turn)
    }

    /// The row that stores `result`.
    public init(_ result: TurnResult) {
        runId = result.runId
        sampleId = result.sampleId
        sampleIndex = result.sampleIndex
        turn = result.turn
        isFinal = result.isFinal
        startedAt = result.startedAt
        prompt = result.prompt
        reference = result.reference
        groups = result.groups.isEmpty ? nil : result.groups
        cacheKey = result.cacheKey
        isCached = result.isCached
        switch result.outcome {
        case .success(let completion):
            response = completion.text
            finishReason = completion.finishReason
            extractions = result.score?.outputs
            correct = result.score?.outputs.first?.correct
            httpStatus = 200
            attempts = completion.attempts
            promptTokens = completion.usage?.promptTokens
            completionTokens = completion.usage?.completionTokens
            ttft = completion.timings.timeToFirstToken
            e2el = completion.timings.endToEndLatency
            timings = completion.timings
            model = completion.model
        case .failure(let error):
            errorKind = error.kind.rawValue
            errorMessage = error.message
            httpStatus = error.statusCode
            attempts = error.attempts
        }
    }
}
