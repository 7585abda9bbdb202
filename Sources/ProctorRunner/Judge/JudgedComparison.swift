public import ProctorCore

/// What one command's judged runs add up to: each run's answers, single-grading scores, tokens
/// and cost (model and judge apart), ranked by MT-bench score, and the pairwise tally when the
/// runs were compared in pairs.
public struct JudgedComparison: Codable, Sendable, Hashable {
    /// One run's figures.
    public struct Entry: Codable, Sendable, Hashable {
        /// The run.
        public var runId: String
        /// The model, as the run names it (`modelId`, else the requested name).
        public var model: String
        /// The run it re-judges or was imported from, if any.
        public var sourceRunId: String?
        /// Questions in the run.
        public var questions: Int
        /// Turns answered.
        public var answers: Int
        /// Of those, answers reused from the cache or from the source run.
        public var reusedAnswers: Int
        /// Turns whose request failed, by error kind (never judged).
        public var answerErrors: [String: Int]
        /// Single-grading scores, when the run was graded that way (MT-bench).
        public var scores: SingleGradeSummary?
        /// Rubric or grade figures, for the other judged benchmarks.
        public var rubric: RubricSummary?
        /// The model's prompt and output tokens.
        public var modelTokens: TokenUsage
        /// The model's cost in US dollars, when its prices are known.
        public var modelCost: Double?
        /// The judge's prompt and output tokens over this run's judgments (pairwise: the
        /// judgments where this run is assistant A in game 1).
        public var judgeTokens: TokenUsage
        /// The judge's cost in US dollars, when its prices are known.
        public var judgeCost: Double?
        /// The judge's model, as its specification names it.
        public var judge: String?
    }

    /// The benchmark the runs answered, e.g. `mt-bench`.
    public var benchmark: String
    /// Runs, best MT-bench score first (in pairwise mode, in the order given).
    public var entries: [Entry]
    /// The pairwise tally, in pairwise mode.
    public var pairwise: PairwiseSummary?
    /// Judge requests per answer.
    public var judgeSamples: Int
    /// The bootstrap's seed and resamples, as stored.
    public var bootstrapSeed: UInt64
    /// Bootstrap resamples.
    public var bootstrapResamples: Int
}

extension JudgeSession {
    /// The comparison of runs `runIds` from everything stored.
    public func comparison(runIds: [String]) async throws -> JudgedComparison {
        var runs: [Run] = []
        for id in runIds {
            guard let run = try await store.run(id: id) else { throw ProctorError.badInput("no run \(id) in the store") }
            runs.append(run)
        }
        let judgments = try await store.judgments(runIds: runIds)
        let judge = runs.compactMap { $0.eval?.judge }.first
        let seed = judge?.bootstrapSeed ?? 0
        let resamples = judge?.bootstrapResamples ?? 1000
        var entries: [JudgedComparison.Entry] = []
        for run in runs {
            let outcomes = try await store.outcomes(runId: run.id)
            let specification = run.eval
            let answered = outcomes.filter { $0.errorKind == nil }
            let modelTokens = TokenUsage(
                promptTokens: answered.reduce(0) { $0 + ($1.usage?.promptTokens ?? 0) },
                completionTokens: answered.reduce(0) { $0 + ($1.usage?.completionTokens ?? 0) })
            var errors: [String: Int] = [:]
            for outcome in outcomes { if let kind = outcome.errorKind { errors[kind.rawValue, default: 0] += 1 } }
            let own = judgments.filter { $0.runId == run.id }
            let judgeTokens = TokenUsage(
                promptTokens: own.reduce(0) { $0 + ($1.usage?.promptTokens ?? 0) },
                completionTokens: own.reduce(0) { $0 + ($1.usage?.completionTokens ?? 0) })
            let runJudge = specification?.judge
            let single = runJudge?.mode != .pairwise && !own.isEmpty
            let isMTBench = specification?.benchmark == "mt-bench"
            let scores = single && isMTBench ? SingleGradeSummary(runId: run.id, judgments: judgments, resamples: resamples, seed: seed) : nil
            let rubric = single && !isMTBench ? RubricSummary(runId: run.id, judgments: judgments, resamples: resamples, seed: seed) : nil
            entries.append(
                JudgedComparison.Entry(
                    runId: run.id, model: run.modelId ?? run.modelName, sourceRunId: specification?.sourceRunId,
                    questions: specification?.sampleIds.count ?? 0, answers: answered.count,
                    reusedAnswers: outcomes.filter(\.isCached).count, answerErrors: errors, scores: scores, rubric: rubric,
                    modelTokens: modelTokens,
                    modelCost: specification?.prices.map {
                        $0.cost(promptTokens: modelTokens.promptTokens, completionTokens: modelTokens.completionTokens)
                    },
                    judgeTokens: judgeTokens,
                    judgeCost: runJudge?.prices.map {
                        $0.cost(promptTokens: judgeTokens.promptTokens, completionTokens: judgeTokens.completionTokens)
                    },
                    judge: runJudge.map { $0.modelId ?? $0.modelName }))
        }
        let pairwise: PairwiseSummary? =
            judge?.mode == .pairwise
            ? PairwiseSummary(runIds: runIds, judgments: judgments, baseline: judge?.baselineRunId) : nil
        if pairwise == nil {
            entries.sort { ($0.scores?.overall?.mean ?? -.infinity) > ($1.scores?.overall?.mean ?? -.infinity) }
        }
        return JudgedComparison(
            benchmark: runs.first?.eval?.benchmark ?? "", entries: entries, pairwise: pairwise, judgeSamples: judge?.samples ?? 1, bootstrapSeed: seed,
            bootstrapResamples: resamples)
    }
}
