import Foundation
public import GRDB
import ProctorCore

extension SampleResultRecord {
    /// Writes the row column by column, rendering the JSON columns directly: a run writes one row
    /// per sample, each with every few-shot message, and `JSONEncoder` made that the largest cost
    /// of the zero-latency benchmark. Rows still decode through `Codable`.
    public func encode(to container: inout PersistenceContainer) throws {
        container["runId"] = runId
        container["sampleId"] = sampleId
        container["sampleIndex"] = sampleIndex
        container["turn"] = turn
        container["isFinal"] = isFinal
        container["startedAt"] = startedAt
        container["prompt"] = JSONString.messages(prompt)
        container["reference"] = reference
        container["groups"] = groups.map(Self.json(groups:))
        container["response"] = response
        container["finishReason"] = finishReason
        container["extractions"] = extractions.map(Self.json(extractions:))
        container["correct"] = correct
        container["errorKind"] = errorKind
        container["errorMessage"] = errorMessage
        container["httpStatus"] = httpStatus
        container["attempts"] = attempts
        container["promptTokens"] = promptTokens
        container["completionTokens"] = completionTokens
        container["ttft"] = ttft
        container["e2el"] = e2el
        container["timings"] = timings.map(Self.json(timings:))
        container["model"] = model
        container["cacheKey"] = cacheKey
        container["isCached"] = isCached
    }

    static func json(extractions: [ExtractorOutput]) -> String {
        "[" + extractions.map { output in
            var object =
                "{\"name\":" + JSONString.quoted(output.name) + ",\"extracted\":"
                + (output.extracted.map { JSONString.quoted($0) } ?? "null") + ",\"normalized\":"
                + JSONString.quoted(output.normalized) + ",\"correct\":" + (output.correct ? "true" : "false")
            if let rule = output.rule { object += ",\"rule\":" + JSONString.quoted(rule) }
            if let decidedBy = output.decidedBy { object += ",\"decidedBy\":" + JSONString.quoted(decidedBy) }
            if let unscorable = output.unscorable { object += ",\"unscorable\":" + JSONString.quoted(unscorable) }
            if let metrics = output.metrics {
                object += ",\"metrics\":{" + metrics.sorted { $0.key < $1.key }.map {
                    JSONString.quoted($0.key) + ":" + ($0.value.isFinite ? String($0.value) : "0")
                }.joined(separator: ",") + "}"
            }
            return object + "}"
        }.joined(separator: ",") + "]"
    }

    static func json(groups: [String: String]) -> String {
        "{" + groups.sorted { $0.key < $1.key }.map { JSONString.quoted($0.key) + ":" + JSONString.quoted($0.value) }
            .joined(separator: ",") + "}"
    }

    static func json(timings: RequestTimings) -> String {
        "{\"chunkArrivals\":[" + timings.chunkArrivals.map { number($0) }.joined(separator: ",") + "],\"completed\":"
            + number(timings.completed) + "}"
    }

    private static func number(_ value: Double) -> String {
        value.isFinite ? String(value) : "0"
    }
}
