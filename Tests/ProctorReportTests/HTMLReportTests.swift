import Foundation
import ProctorCore
import ProctorReport
import ProctorStore
import ProctorTestSupport
import Testing

@Suite("Report pages from the store")
struct HTMLReportTests {
    /// The text of the cell with `data-key="key"`.
    private func cell(_ key: String, _ html: String) -> String? {
        guard let start = html.range(of: "data-key=\"\(key)\">"), let end = html[start.upperBound...].range(of: "<") else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func judgedRunsShowScoresHeatmapAndPairedDifference() async throws {
        let database = try ProctorDatabase()
        for (id, rating) in [("ja", 8.0), ("jb", 6.0)] {
            try await database.insert(ReportFixtures.run(id) { $0.extractorNames = [] })
            for index in 0..<5 {
                for turn in 1...2 {
                    try await database.record(
                        ReportFixtures.rating(id, "q-\(index)", turn: turn, rating + (turn == 2 ? -1 : 0), category: index < 3 ? "math" : "writing"))
                }
            }
        }
        try await database.record(JudgedAnswer.turn(run: "ja", sample: "q-0"))
        try await database.record(JudgedAnswer.turn(run: "jb", sample: "q-0"))
        let html = HTMLReport.render(try await HTMLReport(database: database).page(runIds: ["ja", "jb"]))
        #expect(cell("judge-score:ja", html) == "7.50")
        #expect(cell("judge-score:jb", html) == "5.50")
        #expect(cell("score-delta:jb", html) == "-2.00")
        #expect(html.contains("Mean judge score by category and turn"))
        #expect(html.contains("rated 6"))
    }

    @Test func runsOfDifferentBenchmarksAreShownSideBySideButNotPaired() async throws {
        let database = try ProctorDatabase()
        try await database.insert(ReportFixtures.run("ga"))
        try await database.insert(ReportFixtures.run("gb") { $0.benchmark = "math500" })
        for id in ["ga", "gb"] {
            for index in 0..<4 { try await database.record(JudgedAnswer.turn(run: id, sample: "test-\(index)")) }
        }
        let html = HTMLReport.render(try await HTMLReport(database: database).page(runIds: ["ga", "gb"]))
        #expect(html.contains("gb differs from ga in benchmark: gsm8k vs math500"))
        #expect(!html.contains("Paired differences against"))
        let same = HTMLReport.render(try await HTMLReport(database: database).page(runIds: ["ga", "ga"]))
        #expect(same.contains("Paired differences against ga"))
    }

    @Test func loadRunsShowLevelsChartsAndAComparison() async throws {
        let database = try ProctorDatabase()
        for id in ["la", "lb"] {
            try await database.insert(ReportFixtures.loadRun(id, duration: 1))
            for level in 0..<2 {
                var accumulator = LoadLevelAccumulator()
                let requests = (0..<20).map { index in
                    LoadRequestSample(
                        level: level, index: index, scheduled: Double(index) * 0.1, sent: Double(index) * 0.1, ended: Double(index) * 0.1 + 0.3,
                        timings: index == 7 ? nil : RequestTimings(chunkArrivals: [0.1, 0.2, 0.3], completed: 0.3), promptTokens: 5,
                        outputTokens: index == 7 ? nil : 3, httpStatus: index == 7 ? 503 : 200, errorKind: index == 7 ? "server_error" : nil,
                        correct: index == 7 ? nil : index % 2 == 0)
                }
                for request in requests { accumulator.add(request) }
                try await database.record(requests, runId: id)
                try await database.record(
                    LoadReport.Level(level: level, phase: "closed", load: Double(level + 1), unit: "users", metrics: accumulator.metrics()),
                    startedAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(level) * 3), runId: id)
            }
        }
        let html = HTMLReport.render(try await HTMLReport(database: database).page(runIds: ["la", "lb"]))
        #expect(cell("requests:la:0", html) == "20")
        #expect(cell("errors:la:1", html) == "5.0% (server_error 1)")
        #expect(cell("ttft:lb:0", html) == "100.0 / 100.0 / 100.0")
        #expect(cell("accuracy:la:1", html) == "52.6%")
        for title in [
            "Throughput against offered load", "TTFT percentiles against load", "Error rate by class against load", "TTFT, all levels",
            "ITL, all levels", "Throughput over time", "Client lateness over time", "lb against la, level by level", "Accuracy against load",
        ] {
            #expect(html.contains(title), "missing \(title)")
        }
        #expect(html.contains("recorded no resource or energy samples"))
    }
}

/// An unscored answer, as a judged benchmark stores it before its judge grades it.
enum JudgedAnswer {
    static func turn(run: String, sample: String) -> TurnResult {
        var turn = Fixtures.turn(runId: run, sampleId: sample, turn: 1, isFinal: false, text: "An essay.")
        turn.score = nil
        return turn
    }
}
