public import Foundation
import ProctorCore

/// Writes a run's per-sample results as JSON Lines or CSV.
public enum RunExporter {
    /// The export formats.
    public enum Format: String, Sendable, CaseIterable {
        /// One JSON object per sample result, every stored field included.
        case jsonl
        /// One row per sample result with the scalar fields; RFC 4180 quoting.
        case csv
    }

    /// The results encoded in `format`.
    public static func export(_ results: [SampleResultRecord], format: Format) throws -> Data {
        switch format {
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            var data = Data()
            for result in results {
                data.append(try encoder.encode(result))
                data.append(UInt8(ascii: "\n"))
            }
            return data
        case .csv:
            return Data(csv(results).utf8)
        }
    }

    static let csvColumns = [
        "run_id", "sample_id", "sample_index", "turn", "started_at", "reference", "response", "finish_reason",
        "extractions", "correct", "error_kind", "error_message", "http_status", "attempts", "prompt_tokens",
        "completion_tokens", "ttft_s", "e2el_s", "model",
    ]

    static func csv(_ results: [SampleResultRecord]) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var lines = [csvColumns.joined(separator: ",")]
        for r in results {
            let extractions = (r.extractions ?? [])
                .map { "\($0.name)=\($0.extracted ?? "[invalid]")\($0.correct ? "✓" : "✗")" }
                .joined(separator: "; ")
            let fields: [String?] = [
                r.runId, r.sampleId, String(r.sampleIndex), String(r.turn), formatter.string(from: r.startedAt),
                r.reference, r.response, r.finishReason, extractions, r.correct.map { $0 ? "1" : "0" }, r.errorKind,
                r.errorMessage, r.httpStatus.map(String.init), String(r.attempts), r.promptTokens.map(String.init),
                r.completionTokens.map(String.init), r.ttft.map { String($0) }, r.e2el.map { String($0) }, r.model,
            ]
            lines.append(fields.map { quote($0 ?? "") }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quote(_ field: String) -> String {
        // By bytes: a CRLF is one Character in Swift, equal to neither "\r" nor "\n", and a field
        // holding one went out unquoted and split its row in two (found by the jtl fuzz target).
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
