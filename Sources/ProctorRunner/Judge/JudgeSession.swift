import Foundation
public import ProctorBenchmarks
public import ProctorCore

/// Grades the answers of MT-bench runs with a judge: single grading of each run, or pairwise
/// among them, as their ``JudgeSpecification`` says. Only judgments that are missing or whose
/// judge failed are asked for, so an interrupted judging resumes where it stopped.
///
/// ```swift
/// let session = JudgeSession(store: store)
/// try await session.judge(runIds: [a.id, b.id], benchmark: mtBench, judge: client)
/// let comparison = try await session.comparison(runIds: [a.id, b.id])
/// ```
public struct JudgeSession: Sendable {
    /// Where runs, answers and judgments are kept.
    public let store: any RunStore
    /// Records each run's state while it is being judged.
    public let lifecycle: RunLifecycle

    /// A session over `store`.
    public init(store: any RunStore, machine: MachineInfo = .current()) {
        self.store = store
        lifecycle = RunLifecycle(store: store, machine: machine)
    }

    /// Judges runs `runIds` with `judge`, following the first run's judge specification; every
    /// run is marked running meanwhile and completed (or interrupted) after.
    ///
    /// - Throws: ``ProctorError`` when a run is not an evaluation, or pairwise grading is asked of
    ///   a benchmark other than MT-bench; `CancellationError`, or the store's errors. A failing
    ///   judge is recorded per judgment, never thrown.
    public func judge(
        runIds: [String], benchmark: any JudgedBenchmark, judge: any ChatCompleting,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws {
        let runs = try await loadRuns(runIds)
        guard let specification = runs.first?.eval?.judge else {
            throw ProctorError.badInput("run \(runIds.first ?? "?") has no judge", hint: "pass --judge MODEL")
        }
        let tasks = try await tasks(for: runs, specification: specification, benchmark: benchmark)
        let runner = JudgeRunner(
            judge: judge, parameters: specification.parameters,
            judgeModel: specification.modelId ?? specification.modelName, sink: store, concurrency: specification.concurrency)
        try await performing(runs[...]) {
            try await runner.run(tasks, progress: progress)
        }
    }

    /// Marks every run running around `work`, recording each one's end.
    private func performing(_ runs: ArraySlice<Run>, _ work: () async throws -> Void) async throws {
        guard let first = runs.first else { return try await work() }
        let fresh = try await store.run(id: first.id) ?? first
        try await lifecycle.perform(fresh) { try await performing(runs.dropFirst(), work) }
    }

    private func loadRuns(_ runIds: [String]) async throws -> [Run] {
        try await runIds.asyncMap { id in
            guard let run = try await store.run(id: id) else { throw ProctorError.badInput("no run \(id) in the store") }
            guard run.eval != nil else {
                throw ProctorError.badInput("run \(id) is a \(run.kind.rawValue) run, not an evaluation")
            }
            return run
        }
    }

    /// The judgments still to ask for: missing ones and those whose judge failed.
    func tasks(for runs: [Run], specification: JudgeSpecification, benchmark: any JudgedBenchmark) async throws -> [JudgeTask] {
        let stored = try await store.judgments(runIds: runs.map(\.id))
        let done = Set(stored.filter { $0.error == nil }.map(\.key))
        var answers: [String: [String: StoredConversation]] = [:]
        for run in runs { answers[run.id] = try await store.storedConversations(runId: run.id) }
        let samples = Dictionary(benchmark.samples().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var tasks: [JudgeTask] = []
        switch specification.mode {
        case .single:
            for run in runs {
                for sampleId in run.eval?.sampleIds ?? [] {
                    guard let sample = samples[sampleId], let conversation = answers[run.id]?[sampleId] else { continue }
                    for request in try benchmark.judgeRequests(for: sample, answers: conversation.answers) {
                        for repeatIndex in 0..<specification.samples {
                            let key = JudgmentKey(
                                runId: run.id, opponentRunId: nil, sampleId: sampleId, turn: request.turn, game: 1,
                                repeatIndex: repeatIndex)
                            guard !done.contains(key) else { continue }
                            tasks.append(
                                JudgeTask(
                                    key: key, category: sample.groups["category"] ?? benchmark.name, promptName: request.promptName,
                                    messages: request.messages, format: request.format))
                        }
                    }
                }
            }
        case .pairwise:
            guard let mtBench = benchmark as? MTBenchBenchmark else {
                throw ProctorError.badInput("pairwise grading is MT-bench's; \(benchmark.name) is judged one answer at a time")
            }
            tasks = try pairwiseTasks(runs, specification: specification, benchmark: mtBench, answers: answers, done: done)
        }
        return tasks
    }

    /// FastChat's pairwise games: every pair (or every run against the baseline), every question
    /// both answered, each turn, in both orders.
    private func pairwiseTasks(
        _ runs: [Run], specification: JudgeSpecification, benchmark: MTBenchBenchmark,
        answers: [String: [String: StoredConversation]], done: Set<JudgmentKey>
    ) throws -> [JudgeTask] {
        let questions = Dictionary(benchmark.questions.map { ($0.sampleId, $0) }, uniquingKeysWith: { first, _ in first })
        var tasks: [JudgeTask] = []
        for (first, second) in Self.pairs(runs.map(\.id), baseline: specification.baselineRunId) {
            let sampleIds = runs.first { $0.id == first }?.eval?.sampleIds ?? []
            for sampleId in sampleIds {
                guard let question = questions[sampleId] else { continue }
                for turn in 1...question.turns.count {
                    // Only questions both runs answered, up to this turn, are compared.
                    guard let textsA = Self.texts(answers[first]?[sampleId], through: turn),
                        let textsB = Self.texts(answers[second]?[sampleId], through: turn)
                    else { continue }
                    for repeatIndex in 0..<specification.samples {
                        for game in 1...2 {
                            let key = JudgmentKey(
                                runId: first, opponentRunId: second, sampleId: sampleId, turn: turn, game: game,
                                repeatIndex: repeatIndex)
                            guard !done.contains(key) else { continue }
                            let request =
                                game == 1
                                ? try benchmark.judging.pair(question, answersA: textsA, answersB: textsB, turn: turn)
                                : try benchmark.judging.pair(question, answersA: textsB, answersB: textsA, turn: turn)
                            tasks.append(
                                JudgeTask(
                                    key: key, category: question.category, promptName: request.promptName,
                                    messages: request.messages, format: .pair))
                        }
                    }
                }
            }
        }
        return tasks
    }

    /// The answers of turns 1 through `turn`, or `nil` when one is missing.
    private static func texts(_ conversation: StoredConversation?, through turn: Int) -> [String]? {
        guard let conversation else { return nil }
        let texts = (1...turn).compactMap { conversation.answers[$0] }
        return texts.count == turn ? texts : nil
    }

    /// The pairs FastChat compares: each run against the baseline (the run as model 1, the
    /// baseline as model 2), or every pair `i < j` in the given order.
    static func pairs(_ runIds: [String], baseline: String?) -> [(String, String)] {
        if let baseline { return runIds.filter { $0 != baseline }.map { ($0, baseline) } }
        var pairs: [(String, String)] = []
        for i in runIds.indices { for j in runIds.indices where j > i { pairs.append((runIds[i], runIds[j])) } }
        return pairs
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async throws -> [T] {
        var result: [T] = []
        result.reserveCapacity(count)
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
