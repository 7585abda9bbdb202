import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

@testable import ProctorReport

@Suite("Resources in reports and exports")
struct ResourceReportTests {
    /// A monitor recording `id` of a 2-core test machine, started at `createdAt` beside run `attachedTo`.
    static func recording(_ id: String, attachedTo runId: String, createdAt: Double) -> Run {
        var recording = Fixtures.run(id: id)
        recording.createdAt = Date(timeIntervalSince1970: createdAt)
        recording.specification = .monitor(
            MonitorSpecification(
                interval: 1, pids: [42], attachedRunId: runId, cpuModel: "Test CPU", cpuCount: 2,
                cpuPower: CPUPowerRating(watts: 8, source: "test"), memoryGB: 4, gpus: [], gpuState: "no GPU: test",
                cpuEnergySource: .estimated("test"), carbon: .worldAverage))
        return recording
    }

    /// A load run `lr` of two 4-second levels from t = 1,800,000,000, with a recording `mr` of
    /// 1-second samples at 10 W over the first level and 20 W over the second.
    static func store() async throws -> ProctorDatabase {
        let database = try ProctorDatabase()
        let start = 1_800_000_000.0
        var run = ReportFixtures.loadRun("lr", duration: 4)
        run.createdAt = Date(timeIntervalSince1970: start)
        run.finishedAt = Date(timeIntervalSince1970: start + 8)
        try await database.insert(run)
        for level in 0..<2 {
            var accumulator = LoadLevelAccumulator()
            let requests = (0..<8).map { index in
                LoadRequestSample(
                    level: level, index: index, scheduled: Double(index) * 0.5, sent: Double(index) * 0.5, ended: Double(index) * 0.5 + 0.25,
                    timings: RequestTimings(chunkArrivals: [0.1, 0.25], completed: 0.25), promptTokens: 5, outputTokens: 10, httpStatus: 200,
                    errorKind: nil)
            }
            for request in requests { accumulator.add(request) }
            try await database.record(requests, runId: "lr")
            try await database.record(
                LoadReport.Level(level: level, phase: "closed", load: Double(level + 1), unit: "users", metrics: accumulator.metrics(duration: 4)),
                startedAt: Date(timeIntervalSince1970: start + Double(level) * 4), runId: "lr")
        }
        try await database.insert(recording("mr", attachedTo: "lr", createdAt: start))
        try await database.record(
            (1...8).map { second in
                ResourceSample(
                    time: Date(timeIntervalSince1970: start + Double(second)), duration: 1, cpuPercent: 40, memoryUsedBytes: 1 << 30,
                    memoryTotalBytes: 4 << 30, processCPUSeconds: 0.5, processRSSBytes: 100 << 20,
                    energy: [EnergyReading(component: "cpu", joules: second <= 4 ? 10 : 20, source: .estimated("codecarbon-cpu-load(process):TDP 8 W"))])
            }, runId: "mr")
        return database
    }

    @Test("a load run's report shows its recording: totals, labels, the per-level table and energy per token against load")
    func loadReport() async throws {
        let database = try await Self.store()
        let run = try #require(try await database.run(id: "lr"))
        let summary = try #require(try await ResourceSummaryLoader.load(for: run, from: database))
        #expect(summary.monitorRunIds == ["mr"])
        // Dates stored in the store round to a microsecond or so; joules are checked to 1e-4.
        #expect(abs(summary.totalJoules - 115) < 1e-4)  // 0 to 7.75 s of the run: 4 × 10 J + 3.75 × 20 J
        #expect(abs(summary.requestJoules + summary.idleJoules - summary.totalJoules) < 1e-9)
        #expect(abs(summary.requestJoules - 16 * 0.25 * 15) < 1e-3)  // 8 × 0.25 s at 10 W and 8 × 0.25 s at 20 W
        let levels = summary.levels.map { $0.joules ?? -1 }
        #expect(levels.count == 2 && abs(levels[0] - 32) < 1e-4 && abs(levels[1] - 64) < 1e-4, "\(levels)")  // middle 80%: 3.2 s
        let html = HTMLReport.render(try await HTMLReport(database: database).page(runIds: ["lr"]))
        #expect(html.contains("Per level, over each level&#39;s steady state") || html.contains("Per level, over each level's steady state"))
        #expect(html.contains("Energy per output token against load (estimated)"))
        #expect(html.contains("Carbon 0.015 g CO2e at world average 475 g/kWh"))
        #expect(!html.contains("recorded no resource or energy samples"))
    }

    @Test("a recording that ended just before the run (the previous run's) is not counted as the run's")
    func recordingBeforeTheRun() async throws {
        let database = try await Self.store()
        let start = 1_800_000_000.0
        try await database.insert(Self.recording("mr0", attachedTo: "earlier", createdAt: start - 5))
        try await database.record(
            (1...4).map { second in
                ResourceSample(
                    time: Date(timeIntervalSince1970: start - 4.5 + Double(second)), duration: 1, cpuPercent: 40,
                    memoryUsedBytes: 1 << 30, memoryTotalBytes: 4 << 30, processCPUSeconds: 0.5, processRSSBytes: 100 << 20,
                    energy: [EnergyReading(component: "ram", joules: 3, source: .estimated("codecarbon-ram(process):0.1 GiB"))])
            }, runId: "mr0")
        let run = try #require(try await database.run(id: "lr"))
        let summary = try #require(try await ResourceSummaryLoader.load(for: run, from: database))
        #expect(summary.monitorRunIds == ["mr"])
        #expect(abs(summary.totalJoules - 115) < 1e-4)
    }
}
