public import Foundation

/// Where a benchmark's conversation puts each turn's result, the moment it is known.
public protocol TurnSink: Sendable {
    /// Stores one turn of one sample, replacing an earlier result for the same sample and turn
    /// (a failed turn that a resumed run answers).
    func record(_ turn: TurnResult) async throws
}

/// Where runners put what they measure, the moment they measure it: turns, load requests and
/// levels. The run store implements it; a runner never sees a database row.
public protocol ResultSink: TurnSink {
    /// Stores measured load requests of run `runId`, in one batch.
    func record(_ requests: [LoadRequestSample], runId: String) async throws
    /// Stores a finished load level of run `runId`, started at `startedAt`.
    func record(_ level: LoadReport.Level, startedAt: Date, runId: String) async throws
}

/// A ``ResultSink`` that also keeps runs and reads back what a runner needs to resume and to
/// summarise: the run store, seen from the runners.
public protocol RunStore: ResultSink, JudgmentStore, AnswerCache {
    /// Adds a new run.
    func insert(_ run: Run) async throws
    /// Replaces a run's lifecycle fields and specification.
    func update(_ run: Run) async throws
    /// The run with `id`, or `nil`.
    func run(id: String) async throws -> Run?
    /// What each sample of run `runId` already has, by sample id (samples with nothing stored
    /// are absent).
    func storedConversations(runId: String) async throws -> [String: StoredConversation]
    /// Every stored turn of run `runId` reduced to what a summary needs, in dataset order.
    func outcomes(runId: String) async throws -> [SampleOutcome]
    /// A load run's levels, in order.
    func loadLevels(runId: String) async throws -> [LoadReport.Level]
    /// Copies every answered turn of run `source` into run `target`, unchanged: a re-judged run
    /// keeps the answers it judges without asking the model again.
    func copyAnswers(from source: String, to target: String) async throws
}

/// Answers already generated, by a key over (endpoint, model id, messages, every generation
/// parameter): a run that asks the same thing again reuses the stored answer instead of
/// regenerating it, so judging with another judge or prompt never changes the answers.
public protocol AnswerCache: Sendable {
    /// A stored answer whose request had `key`, or `nil`.
    func cachedAnswer(key: String) async throws -> Completion?
}
