public import ProctorCore

/// MathChat's overall average: the ten sub-metrics each normalised to 0–1 and averaged equally —
/// follow-up accuracy per round (3), error-correction accuracy (1), and the judge's three 1–5
/// scores for error analysis and for problem generation (6), mapped by (score − 1) / 4. The paper's
/// normalisation is unpublished; this one is Proctor's and says so.
public struct MathChatOverall: Codable, Sendable, Hashable {
    /// Each sub-metric's normalised value, by name (`followup round-1`, `error analysis
    /// error_diagnosis`…); a missing one is absent.
    public var parts: [String: Double]
    /// The mean of the parts present.
    public var average: Double
    /// Whether all ten were present.
    public var isComplete: Bool

    /// Combines the two accuracy summaries and the two rubric summaries.
    public init(followUp: EvalSummary?, correction: EvalSummary?, analysis: RubricSummary?, generation: RubricSummary?) {
        var parts: [String: Double] = [:]
        for extractor in followUp?.extractors ?? [] { parts["followup \(extractor.name)"] = extractor.scorableAccuracy.value }
        for extractor in correction?.extractors ?? [] { parts["error correction"] = extractor.scorableAccuracy.value }
        for criterion in analysis?.criteria ?? [] { parts["error analysis \(criterion.name)"] = (criterion.score.mean - 1) / 4 }
        for criterion in generation?.criteria ?? [] { parts["problem generation \(criterion.name)"] = (criterion.score.mean - 1) / 4 }
        self.parts = parts
        average = parts.isEmpty ? 0 : parts.values.reduce(0, +) / Double(parts.count)
        isComplete = parts.count == 10
    }
}

extension JudgeSession {
    /// MathChat's overall average over one model's four runs (any may be missing).
    public func mathChatOverall(
        followUp: String?, correction: String?, analysis: String?, generation: String?
    ) async throws -> MathChatOverall {
        let evals = EvalSession(store: store)
        func rubric(_ runId: String?) async throws -> RubricSummary? {
            guard let runId else { return nil }
            return try await comparison(runIds: [runId]).entries.first?.rubric
        }
        return MathChatOverall(
            followUp: try await followUp.asyncMap { try await evals.summary(of: $0) },
            correction: try await correction.asyncMap { try await evals.summary(of: $0) },
            analysis: try await rubric(analysis), generation: try await rubric(generation))
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async throws -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
