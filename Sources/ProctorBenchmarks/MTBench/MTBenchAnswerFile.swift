public import Foundation
public import ProctorCore

/// A FastChat model-answer file (`model_answer/<model>.jsonl`, and the reference answers, which
/// have the same shape): per question, the model's answer to each turn.
public struct MTBenchAnswerFile: Sendable {
    /// The `model_id` the file names (the first line's).
    public var modelId: String
    /// Each question's answers, one per turn (`choices[0].turns`).
    public var answers: [Int: [String]]

    /// Parses FastChat answer JSON Lines, naming file, line and field on error; a question that
    /// appears twice is refused.
    public static func parse(_ data: Data, file: String) throws(DatasetError) -> MTBenchAnswerFile {
        var modelId: String?
        var answers: [Int: [String]] = [:]
        for line in try JSONLReader.parse(data, file: file) {
            guard let id = line.object["question_id"] as? Int else {
                throw DatasetError(file: file, line: line.number, field: "question_id", message: "missing or not an integer")
            }
            guard let choices = line.object["choices"] as? [[String: Any]], let turns = choices.first?["turns"] as? [String]
            else {
                throw DatasetError(
                    file: file, line: line.number, field: "choices",
                    message: "missing, or choices[0].turns is not a list of strings")
            }
            guard answers[id] == nil else {
                throw DatasetError(file: file, line: line.number, field: "question_id", message: "question \(id) appears twice")
            }
            answers[id] = turns
            if modelId == nil { modelId = line.object["model_id"] as? String }
        }
        return MTBenchAnswerFile(modelId: modelId ?? "unknown", answers: answers)
    }
}
