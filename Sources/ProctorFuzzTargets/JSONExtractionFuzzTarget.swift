import Foundation
import ProctorBenchmarks

extension FuzzTarget {
    /// A model's answer read for JSON, then a NUL and a JSON Schema: every value found reads back
    /// from its own text unchanged, and validation finishes.
    static let jsonExtraction = FuzzTarget(
        name: "json-extraction", summary: "an answer holding JSON, and a schema (JSON extraction and the schema validator)"
    ) {
        JSONSeeds.answers.map { FuzzInput.joined($0, JSONSeeds.schema) }
    } property: { data in
        let (answer, schemaText) = FuzzInput.pair(data)
        var broken: [String] = []
        let found = [JSONExtractor.robust(answer)?.value, JSONExtractor.edgeJSON(answer)?.value, JSONExtractor.lastObject(in: answer), JSONValueParser.parse(answer)]
        for value in found.compactMap({ $0 }) {
            let text = value.jsonText
            guard let reread = JSONValueParser.parse(text) else {
                broken.append("the value written as \(text.prefix(80).debugDescription) does not read back")
                continue
            }
            if reread != value { broken.append("\(text.prefix(80).debugDescription) read back as \(reread.jsonText.prefix(80).debugDescription)") }
        }
        if let schema = JSONValueParser.parse(schemaText), let value = found.compactMap({ $0 }).first {
            _ = JSONSchemaValidator(schema: schema).violations(of: value)
        }
        return broken
    }
}

/// Answers as models write them, and EdgeJSON's kind of schema.
enum JSONSeeds {
    static let answers = [
        #"Here is the JSON: {"name": "Ada", "age": 36, "tags": ["a", "b"], "ok": true, "x": null}"#,
        "```json\n{\"title\": \"Systems analyst\", \"priority\": \"low\", \"n\": 1.5e3}\n```",
        #"{"a": {"b": [1, 2, {"c": "\u00e9\ud83d\ude00"}]}} trailing words {"last": -0.0}"#,
        "[1, 2, 3]",
        #"{'single': 'quotes'}"#,
        #"{"unterminated": "#,
    ]

    static let schema = #"{"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "minLength": 1}, "age": {"type": "integer", "minimum": 0}, "tags": {"type": "array", "items": {"type": "string"}}, "ok": {"enum": [true, false]}}, "additionalProperties": false}"#
}
