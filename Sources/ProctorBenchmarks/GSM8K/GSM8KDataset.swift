public import ProctorCore
public import Foundation

/// The GSM8K test set (1,319 problems, MIT licence, OpenAI), bundled with Proctor.
public enum GSM8KDataset {
    /// SHA-256 of the bundled `gsm8k/test.jsonl`, as recorded in the data's SOURCES.
    public static let testSHA256 = "3730d312f6e3440559ace48831e51066acaca737f6eabec99bccb9e4b3c39d14"

    /// Loads the bundled test set, verifying its digest.
    public static func loadTest() throws(DatasetError) -> (problems: [GSM8KProblem], info: DatasetInfo) {
        let file = try BundledFile.load(subdirectory: "gsm8k", name: "test.jsonl", expectedSHA256: testSHA256)
        let problems = try parse(file.data, file: file.displayPath)
        return (problems, DatasetInfo(name: "gsm8k/test", sha256: file.sha256, count: problems.count))
    }

    /// Parses GSM8K-format JSON Lines (`question`, `answer`), naming file, line and field on error.
    /// SHA-256 of the bundled `train.jsonl` (7,473 problems), as SOURCES.md gives it.
    public static let trainSHA256 = "17f347dc51477c50d4efb83959dbb7c56297aba886e5544ee2aaed3024813465"

    /// The bundled training split, for fine-tuning (`proctor finetune --data gsm8k:train`).
    ///
    /// - Throws: ``DatasetError`` when the file is missing, altered or malformed.
    public static func loadTrain() throws(DatasetError) -> (problems: [GSM8KProblem], info: DatasetInfo) {
        let file = try BundledFile.load(subdirectory: "gsm8k", name: "train.jsonl", expectedSHA256: trainSHA256)
        let problems = try parse(file.data, file: file.displayPath)
        return (problems, DatasetInfo(name: "gsm8k/train", sha256: file.sha256, count: problems.count))
    }

    public static func parse(_ data: Data, file: String) throws(DatasetError) -> [GSM8KProblem] {
        var problems: [GSM8KProblem] = []
        for line in try JSONLReader.parse(data, file: file) {
            problems.append(
                GSM8KProblem(index: problems.count, question: try line.string("question"), answer: try line.string("answer")))
        }
        return problems
    }
}
