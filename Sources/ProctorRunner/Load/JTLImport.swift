import Foundation
import ProctorCore
public import ProctorStore

/// Turns JMeter samples into a load run: one closed-loop level per thread count, each request a
/// sample with `elapsed` as its end-to-end latency and `Latency` as its time to first byte.
public enum JTLImport {
    /// Stores `rows` as a new load run and returns its report.
    public static func importRows(_ rows: [JTLFormat.Row], file: String, sha256: String, into store: ProctorDatabase)
        async throws -> LoadReport
    {
        let machine = MachineInfo.current()
        let run = RunRecord(
            id: EvalSession.newRunId(), kind: "load", status: "completed", createdAt: Date(), finishedAt: Date(),
            benchmark: "jmeter", promptProtocol: "load:jtl-import", datasetName: file, datasetSHA256: sha256,
            target: rows.first?.url ?? "", endpointURL: rows.first?.url ?? "", modelName: rows.first?.label ?? "",
            modelId: nil, parameters: GenerationParameters(), streaming: false,
            concurrency: rows.map(\.allThreads).max() ?? 0, sampleSeed: nil, sampleLimit: nil, sampleIds: [],
            extractorNames: [], host: machine.host, os: machine.os, cpu: machine.cpu, proctorVersion: BuildInfo.version,
            gitCommit: BuildInfo.gitCommit(), configHash: sha256, wallSeconds: 0)
        try await store.insert(run)
        var levels: [LoadReport.Level] = []
        let groups = Dictionary(grouping: rows, by: \.allThreads).sorted { $0.key < $1.key }
        for (threads, group) in groups {
            let level = levels.count
            let origin = group.map(\.timeStamp).min() ?? 0
            var accumulator = LoadLevelAccumulator()
            var records: [LoadRequestRecord] = []
            for (index, row) in group.sorted(by: { $0.timeStamp < $1.timeStamp }).enumerated() {
                let sent = Double(row.timeStamp - origin) / 1000
                let elapsed = Double(row.elapsed) / 1000
                let sample = LoadRequestSample(
                    level: level, index: index, scheduled: sent, sent: sent, ended: sent + elapsed,
                    timings: row.success
                        ? RequestTimings(chunkArrivals: [Double(row.latency) / 1000, elapsed].filter { $0 > 0 }, completed: elapsed)
                        : nil,
                    promptTokens: nil, outputTokens: nil, httpStatus: Int(row.responseCode),
                    errorKind: row.success ? nil : (row.responseCode.isEmpty ? "failed" : "http_\(row.responseCode)"))
                accumulator.add(sample)
                records.append(LoadRequestRecord(runId: run.id, sample: sample))
            }
            let metrics = accumulator.metrics()
            try await store.save(records)
            try await store.save(
                LoadLevelRecord(
                    runId: run.id, level: level, phase: "jmeter", load: Double(threads), unit: "users",
                    startedAt: Date(timeIntervalSince1970: Double(origin) / 1000), metrics: metrics))
            levels.append(LoadReport.Level(level: level, phase: "jmeter", load: Double(threads), unit: "users", metrics: metrics))
        }
        let analysis = SaturationAnalysis(
            levels: levels.map { SaturationAnalysis.Level(load: $0.load, metrics: $0.metrics) }, objectives: .init(),
            maxErrorRate: 0.01)
        return LoadReport(
            runId: run.id, levels: levels, saturation: analysis, saturationLoad: analysis.saturationIndex.map { levels[$0].load },
            peakThroughput: levels.map(\.metrics.requestThroughput).max() ?? 0)
    }
}
