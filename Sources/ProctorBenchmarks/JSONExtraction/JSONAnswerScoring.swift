public import ProctorCore

/// Scores an answer that should be a JSON object, with two extractors: `edgejson` (EdgeJSON's
/// `eval.py`: its extraction, exact match, top-level field F1 and compliance, so numbers compare
/// with published ones) and `json` (Proctor's robust extraction, the same three plus leaf-path F1,
/// leaf type accuracy and, with a schema, JSON Schema validity). Each output records the rule
/// that found the JSON, and metric `parsed` (1 or 0) gives the parse rate.
public enum JSONAnswerScoring {
    /// The extractors, in the order EdgeJSON reports them.
    public static let extractorNames = ["edgejson", "json"]

    /// Scores `response` against `expected` (and `validator`, when a schema is known).
    public static func score(response: String, expected: JSONValue, validator: JSONSchemaValidator?) -> SampleScore {
        let official = JSONExtractor.edgeJSON(response)
        let robust = JSONExtractor.robust(response)
        var officialMetrics = metrics(official?.value, expected)
        officialMetrics["parsed"] = official == nil ? 0 : 1
        var robustMetrics = metrics(robust?.value, expected)
        robustMetrics["parsed"] = robust == nil ? 0 : 1
        robustMetrics["leaf_f1"] = EdgeJSONMetrics.leafF1(robust?.value, expected)
        robustMetrics["type_accuracy"] = EdgeJSONMetrics.typeAccuracy(robust?.value, expected)
        if let validator {
            robustMetrics["schema_valid"] = robust.map { validator.isValid($0.value) ? 1 : 0 } ?? 0
        }
        return SampleScore(outputs: [output("edgejson", official, officialMetrics), output("json", robust, robustMetrics)])
    }

    private static func metrics(_ value: JSONValue?, _ expected: JSONValue) -> [String: Double] {
        [
            "exact": EdgeJSONMetrics.exactMatch(value, expected), "field_f1": EdgeJSONMetrics.fieldF1(value, expected),
            "compliance": EdgeJSONMetrics.schemaCompliance(value, expected),
        ]
    }

    private static func output(_ name: String, _ found: JSONExtractor.Found?, _ metrics: [String: Double]) -> ExtractorOutput {
        ExtractorOutput(
            name: name, extracted: found?.value.jsonText, normalized: found?.value.jsonText ?? "",
            correct: metrics["exact"] == 1, rule: found?.rule, unscorable: found == nil ? UnscorableReason.noJSON : nil,
            metrics: metrics)
    }
}
