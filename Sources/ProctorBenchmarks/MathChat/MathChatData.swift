import Foundation
public import ProctorCore

/// MathChat's follow-up and error-correction files (Apache-2.0; line i is GSM8K test line i),
/// bundled and digest checked.
public enum MathChatData {
    /// One row: the GSM8K problem and the task's dialogue split into A and B turns.
    public struct Row: Sendable, Hashable {
        /// The line's position (0-based), also its GSM8K test index.
        public var index: Int
        /// The GSM8K question.
        public var question: String
        /// The GSM8K answer (reasoning and `#### N`).
        public var answer: String
        /// The A turns of the dialogue.
        public var a: [String]
        /// The B turns of the dialogue.
        public var b: [String]
        /// The task's text as stored (the dialogue, or problem generation's reference problem).
        public var text: String
    }

    /// The bundled files: name, dialogue field, SHA-256.
    public enum Task: String, Sendable, CaseIterable {
        /// Follow-up QA (`follow_up.jsonl`, field `followup`).
        case followUp = "follow_up"
        /// Error correction (`error_correction.jsonl`, field `error_correction`).
        case errorCorrection = "error_correction"
        /// Error analysis (`error_analysis.jsonl`, whose field is also `error_correction`).
        case errorAnalysis = "error_analysis"
        /// Problem generation (`P2P_Generation.jsonl`, field `new_problem`, not a dialogue).
        case problemGeneration = "P2P_Generation"

        var field: String {
            switch self {
            case .followUp: "followup"
            case .errorCorrection, .errorAnalysis: "error_correction"
            case .problemGeneration: "new_problem"
            }
        }
        var sha256: String {
            switch self {
            case .followUp: "c56c24101e6ec0b18bc2735e032f0336a494407c93eb8aa97eb73b237581f658"
            case .errorCorrection: "6d7d4fab782c5f492c34d50a5743691a4dae9b58b1aac9d026a6206ba5d0cce6"
            case .errorAnalysis: "762d5ceb0fa7ff2ecbce5a645eb1a0c9d9d449c8bbe9ebf4113da2d249c52891"
            case .problemGeneration: "b27dc350606b9877f7b486d2e95dc986edbd25240ffa9299fedbb4ffc62f66e0"
            }
        }
    }

    /// Every row of `task`'s file, digest checked.
    public static func load(_ task: Task) throws(DatasetError) -> (rows: [Row], info: DatasetInfo) {
        let file = try BundledFile.load(subdirectory: "mathchat", name: "\(task.rawValue).jsonl", expectedSHA256: task.sha256)
        var rows: [Row] = []
        for line in try JSONLReader.parse(file.data, file: file.displayPath) {
            let text = try line.string(task.field)
            let dialogue = task == .problemGeneration ? (a: [], b: []) : MathChatDialogue.split(text)
            rows.append(
                Row(
                    index: rows.count, question: try line.string("question"), answer: try line.string("answer"), a: dialogue.a,
                    b: dialogue.b, text: text))
        }
        return (rows, DatasetInfo(name: "mathchat/\(task.rawValue)", sha256: file.sha256, count: rows.count))
    }
}
