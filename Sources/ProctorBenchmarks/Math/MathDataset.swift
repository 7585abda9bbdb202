public import ProctorCore
public import Foundation

/// The bundled MATH test set (5,000 problems), MATH-500 and the training split (7,500), MIT licence (Hendrycks et al. 2021;
/// OpenAI PRM800K split).
public enum MathDataset {
    /// SHA-256 of the bundled `math/test.jsonl`.
    public static let testSHA256 = "1b833f0f8869d7cb975debfe04f0697bd23455c388045ba9159e5046d37df5fa"
    /// SHA-256 of the bundled `math/math500.jsonl`.
    public static let math500SHA256 = "35dc41080a3680858b27fa7e0533d2d547825316fc5dafe5d316f4ccc5a06132"

    /// SHA-256 of the bundled `math/train.jsonl` (7,500 problems), used only for fine-tuning.
    public static let trainSHA256 = "00aa30008a611172529ab775ed6f3af9efd32974625b19181c3ebfc724134e52"

    /// Which bundled evaluation file.
    public enum Split: String, Sendable, CaseIterable {
        /// All 5,000 test problems.
        case test
        /// The 500-problem PRM800K subset.
        case math500

        var fileName: String { "\(rawValue).jsonl" }
        var sha256: String { self == .test ? MathDataset.testSHA256 : MathDataset.math500SHA256 }
    }

    /// Loads a bundled split, verifying its digest.
    public static func load(_ split: Split) throws(DatasetError) -> (problems: [MathProblem], info: DatasetInfo) {
        let file = try BundledFile.load(subdirectory: "math", name: split.fileName, expectedSHA256: split.sha256)
        let problems = try parse(file.data, file: file.displayPath)
        return (problems, DatasetInfo(name: "math/\(split.rawValue)", sha256: file.sha256, count: problems.count))
    }

    /// The bundled training split, for fine-tuning (`proctor finetune --data math:train`).
    ///
    /// - Throws: ``DatasetError`` when the file is missing, altered or malformed.
    public static func loadTrain() throws(DatasetError) -> (problems: [MathProblem], info: DatasetInfo) {
        let file = try BundledFile.load(subdirectory: "math", name: "train.jsonl", expectedSHA256: trainSHA256)
        let problems = try parse(file.data, file: file.displayPath)
        return (problems, DatasetInfo(name: "math/train", sha256: file.sha256, count: problems.count))
    }

    /// Parses MATH-format JSON Lines: `problem`, `solution`, `unique_id`, the subject in `subject`
    /// or `type`, the level as an integer or `"Level N"`, and an optional `answer`.
    public static func parse(_ data: Data, file: String) throws(DatasetError) -> [MathProblem] {
        var problems: [MathProblem] = []
        for line in try JSONLReader.parse(data, file: file) {
            let solution = try line.string("solution")
            let subject = line.object["subject"] == nil ? try line.string("type") : try line.string("subject")
            let answer = line.object["answer"] == nil ? BoxedAnswer.last(in: solution) : try line.string("answer")
            problems.append(
                MathProblem(
                    index: problems.count, uniqueId: try line.string("unique_id"), problem: try line.string("problem"),
                    solution: solution, subject: subject, level: level(line.object["level"]), answer: answer))
        }
        return problems
    }

    /// `3`, `"3"` or `"Level 3"` → 3; anything else (`"Level ?"`) → `nil`.
    private static func level(_ value: Any?) -> Int? {
        if let number = value as? Int { return number }
        guard let text = value as? String else { return nil }
        return Int(text.hasPrefix("Level ") ? String(text.dropFirst(6)) : text)
    }
}
