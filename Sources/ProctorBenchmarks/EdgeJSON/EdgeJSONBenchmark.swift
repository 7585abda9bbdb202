public import ProctorCore

/// EdgeJSON: extract a JSON object from "key: value" text. The prompt is EdgeJSON's instruction
/// over chat (one user message: the instruction line of its `eval.py`, a blank line, the text),
/// greedy, 512 tokens; the `edgejson_schema` protocol appends the row's JSON Schema. Two
/// extractors score every answer: `edgejson` (its `eval.py`: extraction, exact match, top-level
/// field F1 and compliance, comparable with published numbers) and `json` (Proctor's robust
/// extraction, the same three plus leaf-path F1, leaf type accuracy and JSON Schema validity).
public struct EdgeJSONBenchmark: SingleTurnBenchmark {
    /// The prompt protocols.
    public enum PromptProtocol: String, Sendable, CaseIterable {
        /// The instruction and the text.
        case plain = "edgejson"
        /// The instruction, the text and the schema.
        case withSchema = "edgejson_schema"
    }

    /// EdgeJSON's instruction line (`eval.py`).
    public static let instruction = "Extract the structured JSON data from the following text."

    /// `edgejson`.
    public let name = "edgejson"
    /// The protocol.
    public let promptProtocol: PromptProtocol
    /// The bundled test file.
    public let dataset: DatasetInfo
    /// `edgejson` (primary: the benchmark's own numbers) and `json` (Proctor's).
    public let extractorNames = ["edgejson", "json"]
    private let rows: [EdgeJSONDataset.Row]
    private let schemas: [String: (text: String, validator: JSONSchemaValidator)]

    /// EdgeJSON with `promptProtocol`.
    public init(protocol promptProtocol: PromptProtocol = .plain) throws(DatasetError) {
        let loaded = try EdgeJSONDataset.load()
        rows = loaded.rows
        schemas = loaded.schemas.mapValues { ($0.text, JSONSchemaValidator(schema: $0.value)) }
        dataset = loaded.info
        self.promptProtocol = promptProtocol
    }

    /// The protocol's name.
    public var protocolName: String { promptProtocol.rawValue }

    /// Greedy, 512 new tokens (EdgeJSON's `max_new_tokens`).
    public var defaultParameters: GenerationParameters { GenerationParameters(temperature: 0, maxTokens: 512) }

    /// One sample per row; groups `complexity` (`unlabelled` for the 20 rows without one, so they
    /// are not dropped) and `schema`.
    public func samples() -> [EvalSample] {
        rows.enumerated().map { index, row in
            var content = Self.instruction + "\n\n" + row.prompt
            if promptProtocol == .withSchema, let schema = schemas[row.schemaId] {
                content += "\n\nThe JSON must match this JSON Schema:\n" + schema.text
            }
            return EvalSample(
                id: row.id, index: index, messages: [ChatMessage(role: .user, content: content)],
                reference: row.expected.jsonText,
                groups: ["complexity": row.complexity ?? "unlabelled", "schema": row.schemaName])
        }
    }

    /// Both extractors' verdicts and metrics.
    public func score(response: String, for sample: EvalSample) -> SampleScore {
        let row = rows.indices.contains(sample.index) && rows[sample.index].id == sample.id ? rows[sample.index] : nil
        let expected = row?.expected ?? JSONValueParser.parse(sample.reference) ?? .null
        let validator = row.flatMap { schemas[$0.schemaId]?.validator }
        return JSONAnswerScoring.score(response: response, expected: expected, validator: validator)
    }
}

extension UnscorableReason {
    /// No JSON could be extracted from the answer (it still counts 0 in every EdgeJSON metric).
    public static let noJSON = "no JSON found"
}
