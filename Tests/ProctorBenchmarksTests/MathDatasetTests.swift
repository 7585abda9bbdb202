import Foundation
import ProctorCore
import Testing

@testable import ProctorBenchmarks

@Suite("MATH datasets")
struct MathDatasetTests {
    @Test("the bundled sets load with their digests, subjects and levels")
    func bundled() throws {
        let full = try MathDataset.load(.test)
        #expect(full.problems.count == 5_000)
        #expect(full.info.sha256 == MathDataset.testSHA256)
        #expect(Set(full.problems.map(\.subject)).count == 7)
        #expect(full.problems.allSatisfy { $0.level.map { (1...5).contains($0) } ?? false })
        let subset = try MathDataset.load(.math500)
        #expect(subset.problems.count == 500)
        #expect(subset.info.name == "math/math500")
    }

    @Test("every full-set solution has a boxed gold answer")
    func goldAnswers() throws {
        let full = try MathDataset.load(.test).problems
        let missing = full.filter { $0.answer == nil }.map(\.uniqueId)
        #expect(missing.isEmpty, "no boxed answer: \(missing.prefix(5))")
    }

    @Test("MATH-500's answer field is equivalent to its solution's last boxed answer")
    func math500AnswersAgreeWithSolutions() throws {
        let problems = try MathDataset.load(.math500).problems
        let disagreeing = problems.filter { problem in
            guard let answer = problem.answer, let boxed = BoxedAnswer.last(in: problem.solution) else { return true }
            return !MathEquivalence.compare(MinervaNormalizer.comparable(boxed), MinervaNormalizer.comparable(answer)).equivalent
        }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(3).map { "\($0.uniqueId): \($0.answer ?? "-")" })")
    }

    /// MATH-500 here; `ScoringBenchmark` checks all 5,000 in a release build.
    @Test("each gold solution scores as correct against its own answer")
    func goldSolutionsScoreCorrect() throws {
        let benchmark = try MathBenchmark(split: .math500, protocol: .zeroShotBoxed)
        let samples = benchmark.samples()
        let wrong = zip(benchmark.problems, samples).filter { problem, sample in
            benchmark.score(response: problem.solution, for: sample).outputs[0].correct == false
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(3).map(\.0.uniqueId))")
    }

    @Test("samples carry subject and level groups and the minerva prompt")
    func samples() throws {
        let benchmark = try MathBenchmark(split: .math500, protocol: .minerva)
        let first = try #require(benchmark.samples().first)
        #expect(first.id == "test/precalculus/807.json")
        #expect(first.groups == ["subject": "Precalculus", "level": "2"])
        #expect(first.messages.count == 9)
        #expect(first.messages.last?.content.hasPrefix("Problem:\nConvert the point") == true)
        #expect(first.messages.last?.content.hasSuffix("\n\nSolution:") == true)
        #expect(benchmark.defaultParameters.stop == ["Problem:"])
    }

    @Test("a damaged line is reported with file, line and field")
    func badLine() {
        let data = Data("{\"problem\":\"p\",\"solution\":\"\\\\boxed{1}\",\"type\":\"Algebra\",\"level\":\"Level 1\",\"unique_id\":\"a\"}\n{\"problem\":\"q\"}\n".utf8)
        #expect {
            try MathDataset.parse(data, file: "mine.jsonl")
        } throws: { error in
            (error as? DatasetError)?.description == "mine.jsonl:2: field \"solution\": missing; every line needs a string \"solution\""
        }
    }
}
