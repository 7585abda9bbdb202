import Foundation
import GRDB
import ProctorCore

/// One row of the `judgment` table: a ``Judgment`` as stored. Single-grading rows have an empty
/// `opponentRunId`, so the primary key holds no NULL.
struct JudgmentRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "judgment"

    var runId: String
    var opponentRunId: String
    var sampleId: String
    var turn: Int
    var game: Int
    var repeatIndex: Int
    var category: String
    var promptName: String
    var prompt: [ChatMessage]
    var startedAt: Date
    var output: String?
    var rating: Double?
    var winner: String?
    var criteria: [CriterionScore]?
    var grade: String?
    var parseRule: String
    var errorKind: String?
    var errorMessage: String?
    var httpStatus: Int?
    var attempts: Int?
    var promptTokens: Int?
    var completionTokens: Int?
    var latency: Double?
    var judgeModel: String

    init(_ judgment: Judgment) {
        runId = judgment.runId
        opponentRunId = judgment.opponentRunId ?? ""
        sampleId = judgment.sampleId
        turn = judgment.turn
        game = judgment.game
        repeatIndex = judgment.repeatIndex
        category = judgment.category
        promptName = judgment.promptName
        prompt = judgment.prompt
        startedAt = judgment.startedAt
        output = judgment.output
        switch judgment.verdict {
        case .rating(let value): rating = value
        case .winner(let value): winner = value.rawValue
        case .criteria(let scores): criteria = scores
        case .grade(let correct): grade = correct ? "C" : "I"
        case nil: break
        }
        parseRule = judgment.parseRule
        errorKind = judgment.error?.kind.rawValue
        errorMessage = judgment.error?.message
        httpStatus = judgment.error?.statusCode
        attempts = judgment.error?.attempts
        promptTokens = judgment.usage?.promptTokens
        completionTokens = judgment.usage?.completionTokens
        latency = judgment.latency
        judgeModel = judgment.judgeModel
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["runId"] = runId
        container["opponentRunId"] = opponentRunId
        container["sampleId"] = sampleId
        container["turn"] = turn
        container["game"] = game
        container["repeatIndex"] = repeatIndex
        container["category"] = category
        container["promptName"] = promptName
        container["prompt"] = JSONString.messages(prompt)
        container["startedAt"] = startedAt
        container["output"] = output
        container["rating"] = rating
        container["winner"] = winner
        container["criteria"] = criteria.map { scores in
            "[" + scores.map { "{\"name\":" + JSONString.quoted($0.name) + ",\"score\":" + String($0.score) + "}" }
                .joined(separator: ",") + "]"
        }
        container["grade"] = grade
        container["parseRule"] = parseRule
        container["errorKind"] = errorKind
        container["errorMessage"] = errorMessage
        container["httpStatus"] = httpStatus
        container["attempts"] = attempts
        container["promptTokens"] = promptTokens
        container["completionTokens"] = completionTokens
        container["latency"] = latency
        container["judgeModel"] = judgeModel
    }

    /// The judgment this row stores.
    var judgment: Judgment {
        let verdict: JudgeVerdict? =
            if let rating {
                .rating(rating)
            } else if let winner, let parsed = PairWinner(rawValue: winner) {
                .winner(parsed)
            } else if let criteria {
                .criteria(criteria)
            } else if let grade {
                .grade(correct: grade == "C")
            } else {
                nil
            }
        return Judgment(
            runId: runId, opponentRunId: opponentRunId.isEmpty ? nil : opponentRunId, sampleId: sampleId, turn: turn, game: game,
            repeatIndex: repeatIndex, category: category, promptName: promptName, prompt: prompt, startedAt: startedAt,
            output: output, verdict: verdict, parseRule: parseRule,
            error: errorKind.map {
                CompletionError(
                    kind: CompletionError.Kind(rawValue: $0), message: errorMessage ?? "", statusCode: httpStatus,
                    attempts: attempts ?? 1)
            },
            usage: promptTokens.map { TokenUsage(promptTokens: $0, completionTokens: completionTokens ?? 0) }, latency: latency,
            judgeModel: judgeModel)
    }
}
