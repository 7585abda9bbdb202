import Foundation
import ProctorBenchmarks
import ProctorCore

extension FuzzTarget {
    /// A judge's output read in every verdict format: a rating, when one is read, is a finite
    /// number, and rubric scores are whole numbers from 1 to 5.
    static let judgeVerdicts = FuzzTarget(name: "judge-verdicts", summary: "a judge's output (ratings, pairs, rubric criteria, grades)") {
        JudgeSeeds.outputs.map { Data($0.utf8) }
    } property: { data in
        let text = FuzzInput.text(data)
        var broken: [String] = []
        let formats: [VerdictFormat] = [.rating, .pair, .criteria(["accuracy", "completeness", "clarity"]), .grade]
        for format in formats {
            switch JudgeOutputParser.verdict(in: text, format: format).verdict {
            case .rating(let rating) where !rating.isFinite:
                broken.append("the rating \(rating) was read as a score")
            case .criteria(let scores) where scores.contains(where: { !(1...5).contains($0.score) || $0.score.rounded() != $0.score }):
                broken.append("rubric scores \(scores.map(\.score)) outside the whole numbers 1–5")
            default: break
            }
        }
        return broken
    }
}

/// Judge outputs in FastChat's, inspect's and Proctor's rubric formats.
enum JudgeSeeds {
    static let outputs = [
        "The assistant's answer is correct and well explained. Rating: [[8]]",
        "Rating: [[7.5]] and later [[3]]",
        "I would give it [9].",
        "After comparing both answers, [[A]]",
        "Both are equally good: [[C]]. Not [[B]].",
        #"Scores: {"accuracy": 4, "completeness": "5", "clarity": 3.0} and an earlier {"accuracy": 1}"#,
        #"```json\n{"accuracy": 6, "completeness": 5, "clarity": 5}\n```"#,
        "The answer matches.\nGRADE: C",
        "grade : i",
        "GRADE: X then GRADEs: C",
        "[[99999999999999999999999999999999999999999999999999999999999999999999.5]]",
    ]
}
