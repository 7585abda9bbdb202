import Foundation
import Hummingbird
import HummingbirdTesting
import ProctorCore
import ProctorDashboard
import ProctorReport
import ProctorStore
import ProctorTestSupport
import Testing

/// Report and dashboard pages opened in a real headless Chromium: they render, show the
/// store's numbers, and run nothing a model wrote.
@Suite("Pages in headless Chromium", .serialized, .enabled(if: HeadlessChromium.enabled))
struct PageSafetyTests {
    /// The detector works: a page that does run the attack changes its title and calls the
    /// canary. Without this, a silent canary would prove nothing.
    @Test func theCanaryHearsAnAttackThatRuns() async throws {
        let browser = try HeadlessChromium.require()
        try await exclusively { directory in
            try await withCanary { port, canary in
                let page = directory.appendingPathComponent("unsafe.html")
                try Data("<html><head><title>safe</title></head><body>\(HostileStore.answer(canary: port))</body></html>".utf8).write(to: page)
                let dom = try await browser.dumpDOM(page.absoluteString)
                #expect(title(of: dom) == "pwned")
                #expect(await canary.hits.contains("/script"))
            }
        }
    }

    @Test func theReportFileRunsNothingAndShowsTheStoresNumbers() async throws {
        let browser = try HeadlessChromium.require()
        try await exclusively { directory in
            try await withCanary { port, canary in
                let database = try ProctorDatabase(path: directory.appendingPathComponent("s.db").path)
                try await HostileStore.fill(database, canary: port)
                let html = HTMLReport.render(try await HTMLReport(database: database).page(runIds: ["rbase", "rhostile"]))
                let file = directory.appendingPathComponent("report.html")
                try Data(html.utf8).write(to: file)
                let dom = try await browser.dumpDOM(file.absoluteString)
                #expect(title(of: dom) == "Proctor report: runs rbase, rhostile")
                #expect(dom.contains("document.title='pwned'"), "the hostile answer is shown as text")
                // Escaped, the markup is text: no element came from the model's output.
                #expect(!dom.contains("<img src=\"http://127.0.0.1:\(port)"))
                #expect(!dom.contains("<script>document.title"))
                #expect(!dom.contains("<a href=\"javascript:"))
                let hits = await canary.hits
                #expect(hits.isEmpty, "requests reached the canary: \(hits)")
                for id in ["rbase", "rhostile"] {
                    let summary = EvalSummary(outcomes: try await database.outcomes(runId: id), extractorNames: ["strict-match"], wallSeconds: 0)
                    let expected = String(format: "%.1f%%", (summary.extractors.first?.accuracy.value ?? -1) * 100)
                    #expect(cell("accuracy:\(id):strict-match", in: dom) == expected)
                }
                #expect(cell("accuracy:rhostile:strict-match", in: dom) == "25.0%")
                #expect(cell("delta:rhostile:strict-match", in: dom) == "-50.0 pp")
                let blank = directory.appendingPathComponent("blank.html")
                try Data("<html><body></body></html>".utf8).write(to: blank)
                let blankSize = try await browser.screenshot(blank.absoluteString, to: directory.appendingPathComponent("blank.png"))
                let size = try await browser.screenshot(file.absoluteString, to: directory.appendingPathComponent("report.png"))
                #expect(size > blankSize * 5, "the report's screenshot (\(size) bytes) looks blank next to an empty page's (\(blankSize))")
            }
        }
    }

    @Test func theDashboardPagesRunNothingAndShowTheStoresNumbers() async throws {
        let browser = try HeadlessChromium.require()
        try await exclusively { directory in
            try await withCanary { canaryPort, canary in
                let database = try ProctorDatabase(path: directory.appendingPathComponent("s.db").path)
                try await HostileStore.fill(database, canary: canaryPort)
                let app = try DashboardServer(database: database, configuration: DashboardConfiguration(port: 0)).application()
                try await app.test(.live) { client in
                    let port = try #require(client.port)
                    let list = try await browser.dumpDOM("http://127.0.0.1:\(port)/")
                    #expect(title(of: list) == "Proctor runs")
                    #expect(list.contains("href=\"/runs/rhostile\""))
                    let page = try await browser.dumpDOM("http://127.0.0.1:\(port)/runs/rhostile")
                    #expect(title(of: page) == "Proctor report: run rhostile")
                    #expect(cell("accuracy:rhostile:strict-match", in: page) == "25.0%")
                    #expect(!page.contains("<img src=\"http://127.0.0.1:\(canaryPort)"))
                    let compared = try await browser.dumpDOM("http://127.0.0.1:\(port)/compare?base=rbase&candidate=rhostile")
                    #expect(cell("delta:rhostile:strict-match", in: compared) == "-50.0 pp")
                    let size = try await browser.screenshot("http://127.0.0.1:\(port)/runs/rhostile", to: directory.appendingPathComponent("d.png"))
                    #expect(size > 20_000)
                }
                let hits = await canary.hits
                #expect(hits.isEmpty, "requests reached the canary: \(hits)")
            }
        }
    }

    /// Runs `body` in a temporary directory with the cores to itself: Chromium is heavy enough to
    /// move the figures of timing-sensitive tests running beside it.
    private func exclusively(_ body: (URL) async throws -> Void) async throws {
        try await TestLock.cores.withLock { try await withTemporaryDirectory(body) }
    }
}
