import Foundation
import ProctorBenchmarks
import ProctorCore

extension FuzzTarget {
    /// Two answers separated by a NUL: the LaTeX parser and equivalence must finish, and decide
    /// the same whichever side is the reference.
    static let latex = FuzzTarget(name: "latex", summary: "two answers, NUL-separated (LaTeX parser and MathEquivalence)") {
        MathSeeds.answerPairs.map { FuzzInput.joined($0, $1) }
    } property: { data in
        let (first, second) = FuzzInput.pair(data)
        let forward = MathEquivalence.compare(first, second)
        let backward = MathEquivalence.compare(second, first)
        guard forward.equivalent == backward.equivalent else {
            return ["\(first.debugDescription) against \(second.debugDescription): \(forward) one way, \(backward) the other"]
        }
        return []
    }

    /// A response, then a NUL and a reference: MATH's extractors and scoring.
    static let mathAnswers = FuzzTarget(name: "math-answers", summary: "a response and a reference (MATH's extractors and scoring)") {
        MathSeeds.solutions.map { FuzzInput.joined($0.solution, $0.answer) }
    } property: { data in
        let (response, reference) = FuzzInput.pair(data)
        var broken: [String] = []
        for promptProtocol in MathProtocol.all {
            let score = MathBenchmark.score(response: response, reference: reference, extractors: promptProtocol.extractors)
            for output in score.outputs where output.correct && output.extracted == nil {
                broken.append("\(promptProtocol.name) \(output.name) scored correct with nothing extracted")
            }
        }
        return broken
    }

    /// A response, then a NUL and a reference: GSM8K's strict and flexible extractors, whose
    /// answer is always text the response holds.
    static let gsm8kAnswers = FuzzTarget(name: "gsm8k-answers", summary: "a response and a reference (GSM8K's and MathChat's extractors and scoring)") {
        MathSeeds.gsm8kAnswers.map { FuzzInput.joined($0.answer, $0.finalAnswer) }
    } property: { data in
        let (response, reference) = FuzzInput.pair(data)
        let sample = EvalSample(id: "fuzz", index: 0, messages: [], reference: reference)
        var broken: [String] = []
        for promptProtocol in GSM8KProtocol.all {
            let benchmark = GSM8KBenchmark(protocol: promptProtocol, problems: [], dataset: DatasetInfo(name: "fuzz", sha256: "", count: 0))
            for output in benchmark.score(response: response, for: sample).outputs {
                // Byte containment: lm-eval's regexes (and ours) match code points, so "5" is taken
                // out of "5" + U+0360, which Swift's grapheme-wise `contains` would not find.
                if let extracted = output.extracted, Array(response.utf8).firstRange(of: Array(extracted.utf8)) == nil {
                    broken.append("\(promptProtocol.name) \(output.name) extracted \(extracted.debugDescription), which the response does not hold")
                }
            }
        }
        if let tagged = MathChatAnswers.answerTag(response), !tagged.isFinite {
            broken.append("MathChat's answer tag read \(tagged) as an answer")
        }
        _ = MathChatAnswers.score(response, gold: MathChatAnswers.gsm8kGold(reference), name: "fuzz")
        _ = MathChatDialogue.split(response)
        return broken
    }
}

/// Starting inputs from the bundled GSM8K and MATH test sets.
enum MathSeeds {
    /// MATH solutions with their answers (the first 300 test problems).
    static var solutions: [(solution: String, answer: String)] {
        let problems = (try? MathDataset.load(.test).problems) ?? []
        return problems.prefix(300).map { ($0.solution, $0.answer ?? "") }
    }

    /// Each MATH answer against itself and against the next problem's answer, with a few
    /// equivalent spellings the tests hold.
    static var answerPairs: [(String, String)] {
        let answers = solutions.map(\.answer)
        let neighbours = zip(answers, answers.dropFirst()).map { ($0, $1) }
        let spellings = [
            ("\\frac12", "0.5"), ("2\\sqrt{2}", "\\sqrt{8}"), ("[2,5)", "(2,5]"), ("\\begin{pmatrix}1\\\\2\\end{pmatrix}", "(1,2)"),
            ("x^2+2x+1", "(x+1)^2"), ("\\{1,2\\}", "\\{2,1\\}"), ("50\\%", "0.5"), ("\\text{(C)}", "C"), ("y=3", "3"),
            ("1,000", "1000"), ("-\\infty", "(-\\infty, 0]"), ("e^{i\\pi}", "-1"), ("\\dfrac{\\pi}{4}", "45^\\circ"),
        ]
        return answers.map { ($0, $0) } + neighbours + spellings
    }

    /// GSM8K test problems (the first 300), whose answers end `#### N`.
    static var gsm8kAnswers: [GSM8KProblem] {
        Array(((try? GSM8KDataset.loadTest().problems) ?? []).prefix(300))
    }
}
