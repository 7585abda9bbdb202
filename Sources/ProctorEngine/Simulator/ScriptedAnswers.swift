import Foundation
public import ProctorBenchmarks

/// What the simulator answers: a scripted response for a matching prompt, else a fixed text.
///
/// A script is JSON Lines; each line has `response` and one of `id` (the sample id Proctor sends
/// in `X-Proctor-Sample-Id`), `prompt` (equal to the last user message) or `contains` (a
/// substring of it), tried in that order:
///
/// ```json
/// {"id": "test-17", "response": "The answer is 18."}
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
        var answers = ScriptedAnswers(fallback: fallback)
        for line in try JSONLReader.read(path: path) {
            let response = try line.string("response")
            if line.object["id"] != nil {
                answers.bySampleId[try line.string("id")] = response
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

    /// The answer for sample `sampleId` (when the request named one), whose last user message is
    /// `prompt`.
    public func answer(for prompt: String, sampleId: String? = nil) -> String {
        if let sampleId, let answer = bySampleId[sampleId] { return answer }
        if let answer = exact[prompt] { return answer }
        return substrings.first { prompt.contains($0.0) }?.1 ?? fallback
    }
}
