public import Foundation
public import ProctorCore

/// A judge prompt as FastChat's `judge_prompts.jsonl` defines it: a system prompt and a user
/// prompt template with `{name}` fields, filled exactly as Python's `str.format` fills them.
public struct JudgePrompt: Sendable, Hashable {
    /// The prompt's name, e.g. `single-math-v1-multi-turn`.
    public var name: String
    /// `single` or `pairwise`.
    public var type: String
    /// The system message.
    public var systemPrompt: String
    /// The user message's template.
    public var template: String
    /// `[[rating]]` or `[[A]]`.
    public var outputFormat: String

    /// Creates a prompt.
    public init(name: String, type: String, systemPrompt: String, template: String, outputFormat: String) {
        self.name = name
        self.type = type
        self.systemPrompt = systemPrompt
        self.template = template
        self.outputFormat = outputFormat
    }

    /// The messages FastChat sends: the system prompt, then the filled template as the user.
    ///
    /// - Throws: ``JudgePromptError`` when the template names a field `values` lacks, or its
    ///   braces are unbalanced (Python's `KeyError` / `ValueError`).
    public func messages(_ values: [String: String]) throws(JudgePromptError) -> [ChatMessage] {
        [ChatMessage(role: .system, content: systemPrompt), ChatMessage(role: .user, content: try fill(values))]
    }

    /// Fills the template in one pass, as `str.format` does: `{name}` is replaced by its value,
    /// `{{` and `}}` become single braces, and a value is never scanned again, so an answer that
    /// contains `{answer}` stays as written.
    public func fill(_ values: [String: String]) throws(JudgePromptError) -> String {
        var output = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            let next = template.index(after: index)
            if character == "{" {
                if next < template.endIndex, template[next] == "{" {
                    output.append("{")
                    index = template.index(after: next)
                    continue
                }
                guard let close = template[next...].firstIndex(of: "}") else {
                    throw JudgePromptError(prompt: name, message: "a '{' is never closed")
                }
                let field = String(template[next..<close])
                guard let value = values[field] else {
                    throw JudgePromptError(prompt: name, message: "the template needs '\(field)', which was not given")
                }
                output += value
                index = template.index(after: close)
            } else if character == "}" {
                guard next < template.endIndex, template[next] == "}" else {
                    throw JudgePromptError(prompt: name, message: "a single '}' in the template")
                }
                output.append("}")
                index = template.index(after: next)
            } else {
                output.append(character)
                index = next
            }
        }
        return output
    }
}

/// A judge prompt that cannot be filled or read.
public struct JudgePromptError: ProctorFailure, Sendable {
    /// The prompt's name or file.
    public var prompt: String
    /// What is wrong.
    public var message: String
    /// ``ErrorCode/badInput``.
    public var code: ErrorCode { .badInput }
    /// Creates an error.
    public init(prompt: String, message: String) {
        self.prompt = prompt
        self.message = message
    }
    /// `prompt: message`.
    public var description: String { "judge prompt \(prompt): \(message)" }
}

/// FastChat's eight judge prompts, read verbatim from the bundled `judge_prompts.jsonl`.
public struct JudgePromptSet: Sendable {
    /// SHA-256 of the bundled file.
    public static let sha256 = "fd283293406d024f44c174b094ef48031d0687a4682fd3a56b29b138f80281b6"

    /// The prompts by name.
    public var prompts: [String: JudgePrompt]

    /// The bundled prompts, digest checked.
    public static func fastChat() throws(DatasetError) -> JudgePromptSet {
        let file = try BundledFile.load(subdirectory: "mt_bench", name: "judge_prompts.jsonl", expectedSHA256: sha256)
        return try parse(file.data, file: file.displayPath)
    }

    /// Parses judge prompts in FastChat's format (`name`, `type`, `system_prompt`,
    /// `prompt_template`, `output_format`).
    public static func parse(_ data: Data, file: String) throws(DatasetError) -> JudgePromptSet {
        var prompts: [String: JudgePrompt] = [:]
        for line in try JSONLReader.parse(data, file: file) {
            let prompt = JudgePrompt(
                name: try line.string("name"), type: try line.string("type"), systemPrompt: try line.string("system_prompt"),
                template: try line.string("prompt_template"), outputFormat: try line.string("output_format"))
            prompts[prompt.name] = prompt
        }
        return JudgePromptSet(prompts: prompts)
    }

    /// The prompt called `name`.
    ///
    /// - Throws: ``JudgePromptError`` when the set has no such prompt.
    public func prompt(_ name: String) throws(JudgePromptError) -> JudgePrompt {
        guard let prompt = prompts[name] else {
            throw JudgePromptError(prompt: name, message: "no such prompt (have: \(prompts.keys.sorted().joined(separator: ", ")))")
        }
        return prompt
    }
}
