public import Foundation
public import ProctorCore

/// What the simulator answers: a scripted response for a matching prompt, else a fixed text.
///
/// A script is JSON Lines; each line has `response` and one of `id` (the sample id Proctor sends
/// in `X-Proctor-Sample-Id`, optionally with the `turn` it sends in `X-Proctor-Turn`), `prompt`
/// (equal to the last user message) or `contains` (a substring of it), tried in that order:
///
/// ```json
/// {"id": "test-17", "response": "The answer is 18."}
/// {"id": "chat-3", "turn": 2, "response": "As I said before, 18."}
/// {"prompt": "Q: What is 2+2?\nA:", "response": "2+2 = 4. The answer is 4."}
/// {"contains": "golf balls", "response": "The answer is 33."}
/// ```
public struct ScriptedAnswers: Sendable {
    /// The answer when no script line matches.
    public var fallback: String
    private var bySampleId: [String: String] = [:]
    private var exact: [String: String]
    private var substrings: [(String, String)]

    /// Answers every prompt with `fallback`.
    public init(fallback: String = "The answer is 42.") {
        self.fallback = fallback
        exact = [:]
        substrings = []
    }

    /// Answers prompts equal to a key with its value, others with `fallback`.
    public init(byPrompt: [String: String], fallback: String = "The answer is 42.") {
        self.fallback = fallback
        exact = byPrompt
        substrings = []
    }

    /// Reads a script file; errors name the file, line and field.
    public static func load(path: String, fallback: String = "The answer is 42.") throws(DatasetError) -> ScriptedAnswers {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError(file: path, message: "cannot read the file; check the path and its permissions")
        }
        return try parse(data, file: path, fallback: fallback)
    }

    /// Parses a script's bytes, read from `file` (which errors name).
    public static func parse(_ data: Data, file path: String, fallback: String = "The answer is 42.") throws(DatasetError) -> ScriptedAnswers {
        var answers = ScriptedAnswers(fallback: fallback)
        for line in try JSONLReader.parse(data, file: path) {
            let response = try line.string("response")
            if line.object["id"] != nil {
                let turn = line.object["turn"] == nil ? nil : try line.scalarText("turn")
                answers.bySampleId[Self.key(try line.string("id"), turn: turn)] = response
            } else if line.object["prompt"] != nil {
                answers.exact[try line.string("prompt")] = response
            } else if line.object["contains"] != nil {
                answers.substrings.append((try line.string("contains"), response))
            } else {
                throw DatasetError(
                    file: path, line: line.number, field: "prompt", message: "missing; give \"id\", \"prompt\" or \"contains\"")
            }
        }
        return answers
    }

    /// Answers sample `sampleId` (turn `turn` first, then any turn) with `response`.
    public mutating func script(sampleId: String, turn: Int? = nil, response: String) {
        bySampleId[Self.key(sampleId, turn: turn.map(String.init))] = response
    }

    /// Answers prompts whose last user message contains `substring` with `response` (after
    /// id and exact-prompt scripts, in the order added).
    public mutating func script(containing substring: String, response: String) {
        substrings.append((substring, response))
    }

    private static func key(_ sampleId: String, turn: String?) -> String {
        turn.map { "\(sampleId)\u{1F}\($0)" } ?? sampleId
    }

    /// The answer for turn `turn` of sample `sampleId` (when the request named them), whose last
    /// user message is `prompt`.
    public func answer(for prompt: String, sampleId: String? = nil, turn: String? = nil) -> String {
        if let sampleId, let turn, let answer = bySampleId[Self.key(sampleId, turn: turn)] { return answer }
        if let sampleId, let answer = bySampleId[sampleId] { return answer }
        if let answer = exact[prompt] { return answer }
        return substrings.first { prompt.contains($0.0) }?.1 ?? fallback
    }
}
