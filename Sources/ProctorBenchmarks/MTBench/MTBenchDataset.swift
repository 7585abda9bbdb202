public import Foundation
public import ProctorCore

/// MT-bench's 80 questions and GPT-4's reference answers, bundled from FastChat (Apache-2.0).
public enum MTBenchDataset {
    /// SHA-256 of `mt_bench/question.jsonl`.
    public static let questionsSHA256 = "119565adbab82227089cefdb44c8d7e2cf04dc0a0ec233634c82e7d4e2a944f7"
    /// SHA-256 of `mt_bench/reference_answer/gpt-4.jsonl`.
    public static let referencesSHA256 = "f957a5bc977badb66885ec970e6cd08527845780313f0995764260e5777b9b3f"

    /// The categories judged against a reference answer (FastChat's `NEED_REF_CATS`).
    public static let referenceCategories: Set<String> = ["math", "reasoning", "coding"]

    /// The eight categories, in FastChat's order.
    public static let categories = ["writing", "roleplay", "reasoning", "math", "coding", "extraction", "stem", "humanities"]

    /// The sampling temperature FastChat uses per category (`common.py` `temperature_config`).
    public static func temperature(for category: String) -> Double {
        switch category {
        case "writing", "roleplay": 0.7
        case "extraction", "math", "coding", "reasoning": 0.0
        case "stem", "humanities": 0.1
        default: 0.7
        }
    }

    /// Loads the bundled questions with their reference answers, verifying both digests.
    public static func load() throws(DatasetError) -> (questions: [MTBenchQuestion], info: DatasetInfo) {
        let questionFile = try BundledFile.load(subdirectory: "mt_bench", name: "question.jsonl", expectedSHA256: questionsSHA256)
        let referenceFile = try BundledFile.load(
            subdirectory: "mt_bench/reference_answer", name: "gpt-4.jsonl", expectedSHA256: referencesSHA256)
        let references = try MTBenchAnswerFile.parse(referenceFile.data, file: referenceFile.displayPath)
        var questions = try parseQuestions(questionFile.data, file: questionFile.displayPath)
        for index in questions.indices where questions[index].needsReference {
            questions[index].referenceAnswers = references.answers[questions[index].id]
        }
        return (questions, DatasetInfo(name: "mt_bench/question", sha256: questionFile.sha256, count: questions.count))
    }

    /// FastChat's pre-generated answers bundled with Proctor (`model_answer/`), by file name, with
    /// their SHA-256.
    public static let bundledAnswerFiles: [(name: String, sha256: String)] = [
        ("gpt-4.jsonl", "f65cdce00aa8567e9add118cabd34c2866291ed8f5c1d568f8da9a81d231d3e7"),
        ("gpt-3.5-turbo.jsonl", "c3c097c21f91e4b44a554d82e5d47516daf7e8240e13b2eca79d211afc1fdfd6"),
        ("vicuna-13b-v1.3.jsonl", "0a9bb7f7505d096e32b8a81f89b322cc09bb76d896484150844ce0787cc4caf5"),
    ]

    /// Reads bundled answer file `name` (one of ``bundledAnswerFiles``), digest checked.
    public static func bundledAnswers(_ name: String) throws(DatasetError) -> (data: Data, sha256: String, path: String) {
        guard let expected = bundledAnswerFiles.first(where: { $0.name == name })?.sha256 else {
            throw DatasetError(
                file: name, message: "not a bundled answer file; have \(bundledAnswerFiles.map(\.name).joined(separator: ", "))")
        }
        let file = try BundledFile.load(subdirectory: "mt_bench/model_answer", name: name, expectedSHA256: expected)
        return (file.data, file.sha256, file.displayPath)
    }

    /// Parses FastChat question JSON Lines (`question_id`, `category`, `turns`), naming file, line
    /// and field on error.
    public static func parseQuestions(_ data: Data, file: String) throws(DatasetError) -> [MTBenchQuestion] {
        var questions: [MTBenchQuestion] = []
        for line in try JSONLReader.parse(data, file: file) {
            guard let id = line.object["question_id"] as? Int else {
                throw DatasetError(file: file, line: line.number, field: "question_id", message: "missing or not an integer")
            }
            guard let turns = line.object["turns"] as? [String], !turns.isEmpty else {
                throw DatasetError(file: file, line: line.number, field: "turns", message: "missing or not a list of strings")
            }
            questions.append(MTBenchQuestion(id: id, category: try line.string("category"), turns: turns))
        }
        return questions
    }
}
