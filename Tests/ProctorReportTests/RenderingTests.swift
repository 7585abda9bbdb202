import Foundation
import ProctorCore
@testable import ProctorReport
import ProctorStore
import Testing

@Suite("Escaping model text in every output")
struct EscapingTests {
    static let hostile = "<script>alert(1)</script><img src=x onerror=\"alert('x')\"> & [link](javascript:alert(1)) |cell| `code` *em*"

    @Test func svgEscapesTextAndAttributes() {
        var svg = SVG(width: 10, height: 10, label: Self.hostile)
        svg.text(1, 2, Self.hostile)
        svg.rect(0, 0, 1, 1, fill: "red\" onload=\"alert(1)", title: Self.hostile)
        let markup = svg.render()
        #expect(!markup.contains("<script"))
        #expect(!markup.contains("<img"))
        #expect(!markup.contains("onload=\""))
        #expect(markup.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(markup.contains("fill=\"red&quot; onload=&quot;alert(1)\""))
        #expect(markup.contains("aria-label=\"&lt;script&gt;"))
    }

    @Test func markdownIsInert() {
        let text = MarkdownText.escape(Self.hostile + "\nsecond line\r\nthird", limit: 500)
        #expect(!text.contains("<"))
        #expect(!text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" })
        #expect(text.contains("\\[link\\]"))
        #expect(text.contains("\\|cell\\|"))
        #expect(text.contains("\\`code\\`"))
        #expect(MarkdownText.escape("abcdef", limit: 3) == "abc…")
    }

    /// The template may insert raw markup only from the SVG builder: every `{{{` is `{{{svg}}}`.
    @Test func theTemplateInsertsNothingRawButCharts() throws {
        let template = ReportTemplate.page
        var rest = template[...]
        var raw: [String] = []
        while let start = rest.range(of: "{{{") {
            let end = try #require(rest[start.upperBound...].range(of: "}}}"))
            raw.append(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        #expect(raw == ["svg"])
        #expect(!template.contains("{{&"))
        #expect(template.contains("Content-Security-Policy"))
        #expect(template.contains("default-src 'none'"))
        #expect(!template.lowercased().contains("<script"))
    }

    @Test func aPageEscapesEverythingAModelWrote() {
        let row = SampleRow(
            sampleId: "s\"1", turn: 1, status: "wrong", classes: "s-wrong", flip: "", prompt: Self.hostile, answer: Self.hostile,
            extractions: [Self.hostile], reference: "</pre><script>x</script>", judgments: [Self.hostile], cost: "")
        var section = Section(heading: Self.hostile)
        section.tables.append(Table(caption: Self.hostile, headers: [Self.hostile], rows: [Table.Row(cells: [Table.Cell(Self.hostile, key: Self.hostile)])]))
        let page = ReportPage(
            title: Self.hostile, generated: "now", runs: [], sections: [section],
            samples: SampleTable(runId: "r", rows: [row], total: 1, offset: 0, hasFlipped: false), notes: [Self.hostile])
        let html = HTMLReport.render(page)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror=\""))
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("data-sample=\"s&quot;1\""))
    }

    @Test func endpointsLoseCredentialsAndQueries() {
        #expect(HTMLReport.publicURL("https://user:secret@api.example.com/v1?key=sk-123#x") == "https://api.example.com/v1")
    }
}

@Suite("Prometheus text export")
struct PrometheusExportTests {
    @Test func evalFiguresWithEscapedLabels() {
        var run = ReportFixtures.run("r1")
        run.modelId = "evil\"model\nname"
        let records = ReportFixtures.records("r1", "1101")
        let outcomes = records.map { SampleOutcome(score: $0.extractions.map { SampleScore(outputs: $0) }, errorKind: nil, usage: nil, timings: nil) }
        let text = PrometheusExport.eval(run, summary: EvalSummary(outcomes: outcomes, extractorNames: ["strict-match"], wallSeconds: 1))
        #expect(text.contains("proctor_eval_accuracy{run=\"r1\",extractor=\"strict-match\"} 0.75"))
        #expect(text.contains("model=\"evil\\\"model\\nname\""))
        #expect(text.contains("# TYPE proctor_eval_samples gauge"))
    }

    @Test func loadFiguresPerLevel() {
        var accumulator = LoadLevelAccumulator()
        accumulator.add(
            LoadRequestSample(
                level: 0, index: 0, scheduled: 0, sent: 0, ended: 1, timings: RequestTimings(chunkArrivals: [0.25, 1], completed: 1),
                promptTokens: 1, outputTokens: 2, httpStatus: 200, errorKind: nil))
        let report = LoadReport(
            runId: "l", levels: [LoadReport.Level(level: 0, phase: "closed", load: 2, unit: "users", metrics: accumulator.metrics())],
            criteria: .standard)
        let text = PrometheusExport.load(ReportFixtures.run("l"), report: report)
        #expect(text.contains("proctor_load_ttft_seconds{run=\"l\",level=\"0\",load=\"2\",unit=\"users\",quantile=\"0.5\"} 0.25"))
        #expect(text.contains("proctor_load_requests{run=\"l\",level=\"0\",load=\"2\",unit=\"users\",outcome=\"completed\"} 1.0"))
    }
}

@Suite("Chart scales")
struct ChartScaleTests {
    @Test func extentIsNeverInvertedOrNonFinite() {
        #expect(LinearScale.extent([]) == 0...1)
        #expect(LinearScale.extent([.nan, 3, .infinity, 1]) == 1...3)
        #expect(LinearScale.extent([-2, -1], fromZero: true) == -2...0)
        let scale = LinearScale(domain: 0...10, range: (100, 0))
        #expect(scale(0) == 100 && scale(10) == 0)
        #expect(scale.ticks == [0, 2, 4, 6, 8, 10])
    }
}
