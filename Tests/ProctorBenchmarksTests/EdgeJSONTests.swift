import Foundation
import ProctorBenchmarks
import ProctorCore
import Testing

/// EdgeJSON's metrics as its `eval.py` computes them (Python's equality traps included), the two
/// extractors, Proctor's JSON parser and its JSON Schema validator.
@Suite("EdgeJSON and JSON extraction")
struct EdgeJSONTests {
    static func json(_ text: String) throws -> JSONValue { try #require(JSONValueParser.parse(text)) }

    @Test("exact match is Python's ==: 1 == 1.0, True == 1, key order ignored, list order kept")
    func exactMatchTraps() throws {
        let gold = try Self.json(#"{"a": 1, "b": [1, 2], "c": {"x": "y"}}"#)
        #expect(EdgeJSONMetrics.exactMatch(try Self.json(#"{"c": {"x": "y"}, "b": [1, 2], "a": 1.0}"#), gold) == 1)
        #expect(EdgeJSONMetrics.exactMatch(try Self.json(#"{"a": true, "b": [1, 2], "c": {"x": "y"}}"#), gold) == 1)
        #expect(EdgeJSONMetrics.exactMatch(try Self.json(#"{"a": 1, "b": [2, 1], "c": {"x": "y"}}"#), gold) == 0)
        #expect(EdgeJSONMetrics.exactMatch(try Self.json(#"{"a": 1, "b": [1, 2], "c": {"x": "Y"}}"#), gold) == 0)
        #expect(EdgeJSONMetrics.exactMatch(try Self.json(#"{"a": 1, "b": [1, 2], "c": {"x": "y"}, "d": 0}"#), gold) == 0)
        #expect(EdgeJSONMetrics.exactMatch(try Self.json(#"{"a": "1", "b": [1, 2], "c": {"x": "y"}}"#), gold) == 0)
        #expect(EdgeJSONMetrics.exactMatch(nil, gold) == 0)
    }

    @Test("field F1 is top-level and macro: extra keys cost precision, missing ones recall, a nested slip the whole field")
    func fieldF1() throws {
        let gold = try Self.json(#"{"a": 1, "b": 2, "c": {"x": 1, "y": 2}, "d": 4}"#)
        // 3 of 4 right (c has one wrong leaf), one extra key: P = 3/5, R = 3/4.
        let predicted = try Self.json(#"{"a": 1, "b": 2.0, "c": {"x": 1, "y": 3}, "d": 4, "e": 5}"#)
        let precision = 3.0 / 5, recall = 3.0 / 4
        #expect(abs(EdgeJSONMetrics.fieldF1(predicted, gold) - 2 * precision * recall / (precision + recall)) < 1e-12)
        #expect(EdgeJSONMetrics.fieldF1(try Self.json("{}"), try Self.json("{}")) == 1)
        #expect(EdgeJSONMetrics.fieldF1(try Self.json("{}"), gold) == 0)
        #expect(EdgeJSONMetrics.fieldF1(try Self.json("[1, 2]"), gold) == 0)
        // Proctor's leaf F1 sees that only one of c's two leaves is wrong: 4 leaves right of 6 predicted and 5 expected.
        #expect(abs(EdgeJSONMetrics.leafF1(predicted, gold) - 2 * (4.0 / 6) * (4.0 / 5) / (4.0 / 6 + 4.0 / 5)) < 1e-12)
    }

    @Test("compliance: every gold key present with its Python type; int and float interchangeable, bool is not int")
    func compliance() throws {
        let gold = try Self.json(#"{"n": 1, "f": 2.5, "b": true, "l": [1], "o": {"k": 1}}"#)
        #expect(EdgeJSONMetrics.schemaCompliance(try Self.json(#"{"n": 9.5, "f": 3, "b": false, "l": [], "o": {}, "extra": 1}"#), gold) == 1)
        #expect(EdgeJSONMetrics.schemaCompliance(try Self.json(#"{"n": true, "f": 3, "b": false, "l": [], "o": {}}"#), gold) == 0)
        #expect(EdgeJSONMetrics.schemaCompliance(try Self.json(#"{"n": 1, "f": 3, "b": 1, "l": [], "o": {}}"#), gold) == 0)
        #expect(EdgeJSONMetrics.schemaCompliance(try Self.json(#"{"n": 1, "f": 3, "b": true, "l": {}, "o": {}}"#), gold) == 0)
        #expect(EdgeJSONMetrics.schemaCompliance(try Self.json(#"{"n": 1, "f": 3, "b": true, "l": []}"#), gold) == 0)
        #expect(EdgeJSONMetrics.schemaCompliance(try Self.json("{}"), try Self.json("{}")) == 0)
        // The stricter type accuracy counts leaves: b is a bool where the gold has a bool, n a bool where it has a number.
        #expect(EdgeJSONMetrics.typeAccuracy(try Self.json(#"{"n": true, "f": 3, "b": false, "l": [2], "o": {"k": 2}}"#), gold) == 4.0 / 5)
    }

    @Test("extraction: the robust rules find an object nested six deep in prose; eval.py's regex finds only its inner pair")
    func extraction() throws {
        let deep = #"{"a": {"b": {"c": {"d": {"e": {"f": 1}}}}}}"#
        let prose = "Sure! Here is the data: \(deep) Hope it helps."
        let robust = try #require(JSONExtractor.robust(prose))
        #expect(robust.rule == "balanced")
        #expect(robust.value == (try Self.json(deep)))
        let official = try #require(JSONExtractor.edgeJSON(prose))
        #expect(official.rule == "regex")
        #expect(official.value == (try Self.json(#"{"e": {"f": 1}}"#)))

        let fenced = "Here:\n```json\n{\"a\": [1, {\"b\": {\"c\": {}}}]}\n```\nDone."
        #expect(JSONExtractor.robust(fenced)?.rule == "fenced")
        #expect(JSONExtractor.robust("  {\"a\": 1}\n")?.rule == "whole")
        #expect(JSONExtractor.edgeJSON("  {\"a\": 1}\n")?.rule == "whole")
        #expect(JSONExtractor.robust("[1, 2]")?.value == .array([.integer(1), .integer(2)]))
        #expect(JSONExtractor.robust("no json {here} at all") == nil)
        #expect(JSONExtractor.edgeJSON("no json {here} at all") == nil)
        // A brace in prose before the object does not hide it.
        #expect(JSONExtractor.robust("Use {braces} like {\"k\": \"v\"}.")?.value == (try Self.json(#"{"k": "v"}"#)))
    }

    @Test("the parser reads JSON as Python does")
    func parser() throws {
        #expect(JSONValueParser.parse("1") == .integer(1))
        #expect(JSONValueParser.parse("1.0") == .number(1))
        #expect(JSONValueParser.parse("-0.5e2") == .number(-50))
        #expect(JSONValueParser.parse(#""\u00e9\ud83d\ude00\n""#) == .string("é😀\n"))
        #expect(JSONValueParser.parse("NaN").map { if case .number(let value) = $0 { value.isNaN } else { false } } == true)
        #expect(JSONValueParser.parse(#"{"a": 1, "a": 2}"#) == .object({ var o = JSONObject(); o["a"] = .integer(2); return o }()))
        for invalid in ["[1, 2,]", "{'a': 1}", "01", "1.", "\"tab\there\"", "tru", "{\"a\" 1}", ""] {
            #expect(JSONValueParser.parse(invalid) == nil, "\(invalid)")
        }
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(JSONValueParser.parse(deep) == nil)
        let value = try Self.json(#"{"s": "q\"uote", "n": 1.5, "i": 2, "l": [true, null]}"#)
        #expect(JSONValueParser.parse(value.jsonText) == value)
    }

    @Test("every EdgeJSON gold object is valid against its bundled schema, and scores 1 on every metric")
    func goldsValidate() throws {
        let loaded = try EdgeJSONDataset.load()
        #expect(loaded.rows.count == 158)
        #expect(Set(loaded.rows.map(\.schemaId)).count == 24)
        #expect(loaded.rows.filter { $0.complexity == nil }.count == 20)
        for row in loaded.rows {
            let schema = try #require(loaded.schemas[row.schemaId], "\(row.schemaId)")
            let violations = JSONSchemaValidator(schema: schema.value).violations(of: row.expected)
            #expect(violations.isEmpty, "\(row.id): \(violations)")
        }
        let benchmark = try EdgeJSONBenchmark()
        for sample in benchmark.samples().prefix(40) {
            let score = benchmark.score(response: "```json\n\(sample.reference)\n```", for: sample)
            let robust = try #require(score.output(named: "json")?.metrics)
            #expect(robust.values.allSatisfy { $0 == 1 }, "\(sample.id): \(robust)")
        }
    }

    @Test("the validator reports each kind of violation with its path")
    func violations() throws {
        let schema = try Self.json(
            #"""
            {"type": "object", "required": ["id", "items"], "additionalProperties": false,
             "properties": {
               "id": {"type": "string", "minLength": 2, "pattern": "^[A-Z]"},
               "status": {"type": "string", "enum": ["open", "closed"]},
               "score": {"type": ["number", "null"], "minimum": 0, "maximum": 5},
               "items": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["sku"],
                         "properties": {"sku": {"type": "string"}, "qty": {"type": "integer"}}}}}}
            """#)
        let validator = JSONSchemaValidator(schema: schema)
        #expect(validator.isValid(try Self.json(#"{"id": "AB", "status": "open", "score": null, "items": [{"sku": "x", "qty": 2.0}]}"#)))
        let cases: [(String, String, String)] = [
            (#"{"items": [{"sku": "x"}]}"#, "required", "$"),
            (#"{"id": "AB", "items": [{"sku": "x"}], "extra": 1}"#, "additionalProperties", "$.extra"),
            (#"{"id": "AB", "status": "pending", "items": [{"sku": "x"}]}"#, "enum", "$.status"),
            (#"{"id": "AB", "score": 7, "items": [{"sku": "x"}]}"#, "maximum", "$.score"),
            (#"{"id": "AB", "score": "5", "items": [{"sku": "x"}]}"#, "type", "$.score"),
            (#"{"id": "AB", "items": []}"#, "minItems", "$.items"),
            (#"{"id": "AB", "items": [{"sku": "x", "qty": 1.5}]}"#, "type", "$.items[0].qty"),
            (#"{"id": "AB", "items": [{"qty": 1}]}"#, "required", "$.items[0]"),
            (#"{"id": "ab", "items": [{"sku": "x"}]}"#, "pattern", "$.id"),
            (#"{"id": "A", "items": [{"sku": "x"}]}"#, "minLength", "$.id"),
            (#"["not", "an", "object"]"#, "type", "$"),
        ]
        for (text, keyword, path) in cases {
            let found = validator.violations(of: try Self.json(text))
            #expect(found.contains { $0.keyword == keyword && $0.path == path }, "\(text): \(found)")
        }
    }
}
