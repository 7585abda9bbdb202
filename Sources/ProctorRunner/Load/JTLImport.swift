import Foundation
public import ProctorCore

/// Turns JMeter samples into a load run: one closed-loop level per thread count, each request a
/// sample with `elapsed` as its end-to-end latency and `Latency` as its time to first byte.
public enum JTLImport {
    /// One JMeter sample, as the importer needs it.
    public struct Sample: Sendable {
        /// Epoch milliseconds at which the sample started.
        public var timeStamp: Int64
        /// Milliseconds it took.
        public var elapsed: Int
        /// Milliseconds to the first byte.
        public var latency: Int
        /// Whether JMeter counted it a success.
        public var success: Bool
        /// The response code JMeter recorded.
        public var responseCode: String
        /// The response message JMeter recorded (`Service Unavailable`, `Non HTTP response message: …`).
        public var responseMessage: String
        /// Active threads in all groups when it ran.
        public var allThreads: Int

        /// Creates a sample.
        public init(
            timeStamp: Int64, elapsed: Int, latency: Int, success: Bool, responseCode: String, responseMessage: String = "",
            allThreads: Int
        ) {
            self.responseMessage = responseMessage
            self.timeStamp = timeStamp
            self.elapsed = elapsed
            self.latency = latency
            self.success = success
            self.responseCode = responseCode
            self.allThreads = allThreads
        }
    }

    /// Stores `samples`, read from `file` (SHA-256 `sha256`) that named `url` and `label`, as a
    /// new completed load run, and returns its report.
    public static func importSamples(
        _ samples: [Sample], file: String, sha256: String, url: String, label: String, into store: any RunStore
    ) async throws -> LoadReport {
        let specification = LoadSpecification(
            mode: .imported(format: "jtl", file: file),
            workload: WorkloadDescription(
                name: "jmeter", dataset: DatasetInfo(name: file, sha256: sha256, count: samples.count),
                parameters: GenerationParameters(), scoredBy: nil),
            streaming: false, concurrencyBound: samples.map(\.allThreads).max() ?? 0, criteria: .standard, seed: 0)
        let lifecycle = RunLifecycle(store: store)
        let run = try await lifecycle.create(
            .load(specification), target: url, endpointURL: url, modelName: label, modelId: nil, configHash: sha256)
        let levels = try await lifecycle.perform(run) {
            var levels: [LoadReport.Level] = []
            let groups = Dictionary(grouping: samples, by: \.allThreads).sorted { $0.key < $1.key }
            for (threads, group) in groups {
                let origin = group.map(\.timeStamp).min() ?? 0
                let measured = measure(group, level: levels.count, origin: origin)
                try await store.record(measured.requests, runId: run.id)
                let level = LoadReport.Level(
                    level: levels.count, phase: "jmeter", load: Double(threads), unit: "users", metrics: measured.metrics)
                try await store.record(level, startedAt: Date(timeIntervalSince1970: Double(origin) / 1000), runId: run.id)
                levels.append(level)
            }
            return levels
        }
        return LoadReport(runId: run.id, levels: levels, criteria: .standard)
    }

    private static func measure(_ group: [Sample], level: Int, origin: Int64) -> (requests: [LoadRequestSample], metrics: LoadLevelMetrics) {
        var accumulator = LoadLevelAccumulator()
        var requests: [LoadRequestSample] = []
        for (index, row) in group.sorted(by: { $0.timeStamp < $1.timeStamp }).enumerated() {
            let sent = Double(row.timeStamp - origin) / 1000
            let elapsed = Double(row.elapsed) / 1000
            let sample = LoadRequestSample(
                level: level, index: index, scheduled: sent, sent: sent, ended: sent + elapsed,
                timings: row.success
                    ? RequestTimings(chunkArrivals: [Double(row.latency) / 1000, elapsed].filter { $0 > 0 }, completed: elapsed)
                    : nil,
                promptTokens: nil, outputTokens: nil, httpStatus: Int(row.responseCode),
                errorKind: row.success ? nil : JMeterResponseCode.errorKind(row.responseCode),
                errorMessage: row.success ? nil : JMeterResponseCode.message(code: row.responseCode, message: row.responseMessage))
            accumulator.add(sample)
            requests.append(sample)
        }
        return (requests, accumulator.metrics())
    }
}
