public import Foundation
public import ProctorCore

/// Writes a load run as `vllm bench serve` result objects (one JSON line per level) or as a
/// JMeter results file.
public enum LoadExporter {
    /// vllm's `--save-result` fields for one level; times in milliseconds.
    public static func vllmJSON(run: Run, levels: [LoadLevelRecord]) throws -> Data {
        var data = Data()
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        for level in levels {
            let m = level.metrics
            var object: [String: Any] = [
                "date": formatter.string(from: level.startedAt), "endpoint_type": "openai-chat", "backend": "openai-chat",
                "label": "proctor \(run.id) level \(level.level + 1) (\(level.phase))", "model_id": run.modelName,
                "tokenizer_id": NSNull(), "num_prompts": m.completed + m.failed,
                "request_rate": level.unit == "req/s" ? level.load as Any : "inf",
                "max_concurrency": level.unit == "users" ? Int(level.load) as Any : NSNull(),
                "duration": m.duration, "completed": m.completed, "failed": m.failed,
                "total_input_tokens": m.totalInputTokens, "total_output_tokens": m.totalOutputTokens,
                "request_throughput": m.requestThroughput, "request_goodput": m.goodput as Any? ?? NSNull(),
                "output_throughput": m.outputThroughput, "total_token_throughput": m.totalTokenThroughput,
                "max_concurrent_requests": m.peakConcurrency,
                "proctor_lateness_p50_ms": m.lateness.median * 1000, "proctor_lateness_p99_ms": m.lateness.p99 * 1000,
                "proctor_lateness_max_ms": m.lateness.max * 1000,
            ]
            for (name, distribution) in [("ttft", m.ttft), ("tpot", m.tpot), ("itl", m.itl), ("e2el", m.e2el)] {
                object["mean_\(name)_ms"] = distribution.mean * 1000
                object["median_\(name)_ms"] = distribution.median * 1000
                object["std_\(name)_ms"] = distribution.standardDeviation * 1000
                object["p90_\(name)_ms"] = distribution.p90 * 1000
                object["p95_\(name)_ms"] = distribution.p95 * 1000
                object["p99_\(name)_ms"] = distribution.p99 * 1000
            }
            data.append(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
            data.append(UInt8(ascii: "\n"))
        }
        return data
    }

    /// One JTL row per request: elapsed is E2EL (or the time to failure), Latency is TTFT, thread
    /// counts are the level's users (or its peak in flight for open-loop levels).
    public static func jtl(run: Run, levels: [LoadLevelRecord], requests: [LoadRequestRecord]) -> String {
        let byLevel = Dictionary(levels.map { ($0.level, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = requests.map { record -> JTLFormat.Row in
            let sample = record.sample
            let level = byLevel[sample.level]
            let threads = level.map { $0.unit == "users" ? Int($0.load) : $0.metrics.peakConcurrency } ?? 1
            let start = (level?.startedAt ?? run.createdAt).addingTimeInterval(sample.sent)
            let ttft = sample.timings?.timeToFirstToken ?? sample.timings?.endToEndLatency ?? 0
            return JTLFormat.Row(
                timeStamp: Int64((start.timeIntervalSince1970 * 1000).rounded()),
                elapsed: Int(((sample.ended - sample.sent) * 1000).rounded()),
                label: "level \(sample.level + 1)", responseCode: sample.httpStatus.map(String.init) ?? (sample.errorKind ?? ""),
                responseMessage: sample.errorMessage ?? sample.errorKind ?? "OK", threadName: "proctor \(sample.level + 1)-\(sample.index)",
                success: sample.succeeded, groupThreads: threads, allThreads: threads,
                url: run.endpointURL + "/chat/completions", latency: Int((ttft * 1000).rounded()))
        }
        return JTLFormat.write(rows)
    }
}
