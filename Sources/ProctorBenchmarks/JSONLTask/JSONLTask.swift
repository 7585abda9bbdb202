public import Foundation
public import ProctorCore

/// Any JSON Lines file as a task: one prompt per line, an optional label, and a ``TaskScorer``.
/// Without labels the outputs are stored and no accuracy is claimed.
///
/// ```swift
/// let task = try JSONLTask(JSONLTaskDefinition(
///     path: "router.jsonl", promptField: "prompt", labelField: "answer", system: nil, scorer: "exact"))
/// ```
public struct JSONLTask: SingleTurnBenchmark, JudgedBenchmark {
    /// The definition this task was built from.
    public let definition: JSONLTaskDefinition
    /// The scorer.
    public let scorer: TaskScorer
    /// The dataset's identity (path, SHA-256, line count).
    public let dataset: DatasetInfo
    private let items: [EvalSample]
    private let schema: JSONSchemaValidator?
    private let questions: [String: (question: String, context: String?)]
    private let rubricText: String

    /// Reads and checks the file: every line needs a string prompt, and a label when a label field
    /// is named.
    ///
    /// - Throws: ``DatasetError`` naming file, line and field; ``TaskScorerError`` for a bad scorer.
    public init(_ definition: JSONLTaskDefinition) throws {
        guard let data = FileManager.default.contents(atPath: definition.path) else {
            throw DatasetError(file: definition.path, message: "cannot read the file; check the path and its permissions")
        }
        try self.init(definition, contents: data)
    }

    /// Checks `data`, the contents of `definition.path`, as ``init(_:)`` does the file.
    public init(_ definition: JSONLTaskDefinition, contents data: Data) throws {
        let scorer = try TaskScorer(spec: definition.scorer)
        if definition.labelField == nil, scorer != .none, scorer != .judge(rubric: true) {
            throw TaskScorerError(
                "--scorer \(definition.scorer) needs references; name the field holding them with --label-field, or use --scorer none")
        }
        if definition.schema != nil, scorer != .json {
            throw TaskScorerError("--schema applies to --scorer json")
        }
        schema = try definition.schema.map(Self.loadSchema)
        if definition.rubric != nil, scorer != .judge(rubric: true) {
            throw TaskScorerError("--rubric applies to --scorer judge:rubric")
        }
        rubricText = try definition.rubric.map(Self.loadRubric) ?? JudgeScorerPrompts.defaultRubric
        let lines = try JSONLReader.parse(data, file: definition.path)
        guard !lines.isEmpty else {
            throw DatasetError(file: definition.path, message: "the file has no JSON lines; write one object per line")
        }
        var samples: [EvalSample] = []
        var seenIds: [String: Int] = [:]
        var questions: [String: (question: String, context: String?)] = [:]
        for line in lines {
            var messages: [ChatMessage] = []
            if let system = definition.system { messages.append(ChatMessage(role: .system, content: system)) }
            messages.append(ChatMessage(role: .user, content: try line.string(definition.promptField)))
            let label = try definition.labelField.map { field throws(DatasetError) in
                try scorer == .json ? Self.jsonText(line, field) : line.scalarText(field)
            } ?? ""
            let id = try Self.identifier(of: line)
            if let earlier = seenIds[id] {
                throw DatasetError(
                    file: definition.path, line: line.number, field: "id",
                    message: "\"\(id)\" was already used on line \(earlier); ids must be unique")
            }
            seenIds[id] = line.number
            if case .judge = scorer {
                // A line may lack the context; the judge then sees none.
                questions[id] = (try line.string(definition.promptField), definition.contextField.flatMap { line.object[$0] as? String })
            }
            samples.append(EvalSample(id: id, index: samples.count, messages: messages, reference: label))
        }
        self.definition = definition
        self.scorer = scorer
        self.items = samples
        self.questions = questions
        let digest = FileDigest.sha256(data)
        dataset = DatasetInfo(name: definition.path, sha256: digest, count: samples.count)
    }

    /// The label as JSON text: an object or array as written (keys sorted), a string as it is (it
    /// may hold JSON text itself).
    private static func jsonText(_ line: JSONLReader.Line, _ field: String) throws(DatasetError) -> String {
        guard let value = line.object[field], !(value is NSNull) else {
            throw DatasetError(file: line.file, line: line.number, field: field, message: "missing; every line needs an expected object")
        }
        if let text = value as? String { return text }
        guard JSONSerialization.isValidJSONObject(value),
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
        else {
            return try line.scalarText(field)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a rubric file.
    private static func loadRubric(_ path: String) throws(DatasetError) -> String {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else {
            throw DatasetError(file: path, message: "cannot read the rubric file, or it is empty; check the path")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether a judge grades this task (`--scorer judge:rubric` or `judge:grade`).
    public var isJudged: Bool {
        if case .judge = scorer { return true }
        return false
    }

    /// The judge request for the answer: the rubric (three criteria in one JSON object) or
    /// inspect's C/I grade.
    public func judgeRequests(for sample: EvalSample, answers: [Int: String]) throws -> [JudgeRequest] {
        guard case .judge(let rubric) = scorer, let answer = answers[1], let item = questions[sample.id] else { return [] }
        if rubric {
            return [
                JudgeRequest(
                    turn: 1, promptName: definition.rubric == nil ? "proctor-rubric" : "rubric:\(definition.rubric ?? "")",
                    messages: JudgeScorerPrompts.rubric(
                        question: item.question, context: item.context, reference: sample.reference, submission: answer,
                        rubric: rubricText),
                    format: .criteria(JudgeScorerPrompts.rubricCriteria))
            ]
        }
        return [
            JudgeRequest(
                turn: 1, promptName: "inspect-model-graded-fact",
                messages: JudgeScorerPrompts.grade(question: item.question, reference: sample.reference, submission: answer),
                format: .grade)
        ]
    }

    /// Reads and parses a JSON Schema file.
    private static func loadSchema(_ path: String) throws(DatasetError) -> JSONSchemaValidator {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError(file: path, message: "cannot read the schema file; check the path")
        }
        guard let schema = JSONValueParser.parse(String(decoding: data, as: UTF8.self)) else {
            throw DatasetError(file: path, message: "not valid JSON; a JSON Schema is a JSON object")
        }
        return JSONSchemaValidator(schema: schema)
    }

    /// The line's `id` field (string or integer) when it has one, else `line-N`.
    private static func identifier(of line: JSONLReader.Line) throws(DatasetError) -> String {
        guard line.object["id"] != nil else { return "line-\(line.number)" }
        return try line.scalarText("id")
    }

    /// `jsonl`.
    public var name: String { "jsonl" }
    /// `jsonl:<prompt field>[:<label field>]:<scorer>`.
    public var protocolName: String {
        ["jsonl", definition.promptField, definition.labelField ?? "-", scorer.spec].joined(separator: ":")
    }
    /// The scorer's extractors, or none when nothing is scored.
    public var extractorNames: [String] { scorer.extractorNames }
    /// Greedy, 256 tokens.
    public var defaultParameters: GenerationParameters { GenerationParameters() }
    /// One sample per non-blank line.
    public func samples() -> [EvalSample] { items }

    /// The scorer's verdict.
    public func score(response: String, for sample: EvalSample) -> SampleScore {
        scorer.score(response: response, label: sample.reference, schema: schema)
    }
}
