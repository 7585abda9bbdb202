import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

/// `proctor compare`, `gate`, `report`, `serve` and the Prometheus export on the command line:
/// outputs and exit codes (0 ok, 1 a gate failed, 2 bad usage or input).
@Suite("proctor compare, gate, report and serve (command line)")
struct CompareCommandTests {
    let cli = CommandLineRunner()

    /// A store with base run `ra` (right on 18 of 20) and candidate `rb` (right on 10 of 20),
    /// and `rc`, which used another temperature.
    static func store(in directory: URL) async throws -> String {
        let path = directory.appendingPathComponent("s.db").path
        let database = try ProctorDatabase(path: path)
        let ids = (0..<20).map { "test-\($0)" }
        for (id, right, temperature) in [("ra", 18, 0.0), ("rb", 10, 0.0), ("rc", 10, 0.8)] {
            var run = Fixtures.run(id: id, sampleIds: ids)
            run.status = .completed
            if case .eval(var specification) = run.specification {
                specification.parameters.temperature = temperature
                run.specification = .eval(specification)
            }
            try await database.insert(run)
            for (index, sample) in ids.enumerated() {
                var turn = Fixtures.turn(runId: id, sampleId: sample, index: index, text: index < right ? "The answer is 4." : "The answer is <b>5</b>.")
                let correct = index < right
                turn.score = SampleScore(outputs: [
                    ExtractorOutput(name: "strict-match", extracted: correct ? "4" : "5", normalized: "", correct: correct),
                    ExtractorOutput(name: "flexible-extract", extracted: correct ? "4" : "5", normalized: "", correct: correct),
                ])
                try await database.record(turn)
            }
        }
        return path
    }

    @Test func comparesInTextJSONAndMarkdown() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await Self.store(in: directory)
            let text = try await cli.run(["compare", "ra", "rb", "--store", store], directory: directory)
            #expect(text.status == 0)
            #expect(text.stdout.contains("strict-match           90.0%    50.0%    -40.0 pp"))
            #expect(text.stdout.contains("(McNemar mid-p)"))
            #expect(text.stdout.contains("flipped (strict-match): 8 lost, 0 won"))
            // d is −1 on 8 items and 0 on 12: SE = √(4.8 / (20·19)) = 11.2 pp.
            #expect(text.stdout.contains("paired SE 11.2 pp (normal 95% CI [-62.0, -18.0])"), "\(text.stdout)")
            let json = try await cli.run(["compare", "ra", "rb", "--json", "--iterations", "500", "--seed", "7", "--store", store], directory: directory)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let comparison = try #require(object["comparison"] as? [String: Any])
            #expect(comparison["iterations"] as? Int == 500 && comparison["seed"] as? Int == 7)
            let markdown = try await cli.run(["compare", "ra", "rb", "--format", "markdown", "--store", store], directory: directory)
            #expect(markdown.stdout.contains("| strict-match | 90.0% | 50.0% | -40.0 pp"))
            #expect(markdown.stdout.contains("| 11.2 pp | 0.00391 (McNemar mid-p) |"))
            #expect(markdown.stdout.contains("<details><summary>8 flipped items"))
            let exact = try await cli.run(["compare", "ra", "rb", "--mcnemar", "exact", "--store", store], directory: directory)
            // 8 against 0 discordant: exact p = 2·2⁻⁸.
            #expect(exact.stdout.contains("0.00781 (McNemar exact)"), "\(exact.stdout)")
            let asymptotic = try await cli.run(["compare", "ra", "rb", "--mcnemar", "asymptotic", "--store", store], directory: directory)
            #expect(asymptotic.stdout.contains("(McNemar asymptotic)"))
            #expect(!markdown.stdout.contains("<b>"))
        }
    }

    @Test func refusesDifferentSetUpsUnlessAllowed() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await Self.store(in: directory)
            let refused = try await cli.run(["compare", "ra", "rc", "--store", store], directory: directory)
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("parameters: temperature 0.0"))
            #expect(refused.stderr.contains("--allow-different parameters"))
            let allowed = try await cli.run(["compare", "ra", "rc", "--allow-different", "parameters", "--store", store], directory: directory)
            #expect(allowed.status == 0)
            #expect(allowed.stdout.contains("warning: set-up differs (allowed): parameters"))
            let unknown = try await cli.run(["compare", "ra", "rc", "--allow-different", "vibes", "--store", store], directory: directory)
            #expect(unknown.status == 2)
            let single = try await cli.run(["compare", "ra", "--store", store], directory: directory)
            #expect(single.status == 2)
        }
    }

    /// A refusal quotes what differs, which can be a server's model id: it reaches the terminal
    /// without its escape sequences.
    @Test func refusalsQuoteServerTextSafely() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("s.db").path
            let database = try ProctorDatabase(path: path)
            for (id, judge) in [("ja", "judge-a"), ("jb", "judge\u{1B}[2J\u{1B}]0;pwned\u{07}")] {
                var run = Fixtures.run(id: id)
                if case .eval(var specification) = run.specification {
                    specification.judge = JudgeSpecification(
                        target: "j", endpointURL: "http://127.0.0.1:1/v1", modelName: judge, modelId: judge,
                        parameters: JudgeSpecification.fastChatParameters, samples: 1, concurrency: 1)
                    run.specification = .eval(specification)
                }
                try await database.insert(run)
            }
            let refused = try await cli.run(["compare", "ja", "jb", "--store", path], directory: directory)
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("judge: judge-a"))
            #expect(!refused.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        }
    }

    @Test func gatesExitOneOnFailureAndTwoOnABadFile() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await Self.store(in: directory)
            try Data("thresholds:\n  accuracy{vs:baseline}: [\"delta >= -0.05 significant\"]\n  errors: [\"rate < 0.01\"]\n".utf8)
                .write(to: directory.appendingPathComponent("gates.yaml"))
            let failed = try await cli.run(["compare", "ra", "rb", "--gate", "gates.yaml", "--store", store], directory: directory)
            #expect(failed.status == 1)
            #expect(failed.stdout.contains("gates FAILED"))
            #expect(failed.stdout.contains("significantly (one-sided p"))
            let passed = try await cli.run(["compare", "ra", "ra", "--gate", "gates.yaml", "--store", store], directory: directory)
            #expect(passed.status == 0)
            #expect(passed.stdout.contains("gates passed"))
            try Data("thresholds:\n  accuracy: [\"rate >= 0.8\"]\n".utf8).write(to: directory.appendingPathComponent("floor.yaml"))
            #expect(try await cli.run(["gate", "ra", "--gate", "floor.yaml", "--store", store], directory: directory).status == 0)
            let low = try await cli.run(["gate", "rb", "--gate", "floor.yaml", "--json", "--store", store], directory: directory)
            #expect(low.status == 1)
            #expect(low.stdout.contains("\"status\" : \"fail\""))
            try Data("thresholds:\n  accuracy: [\"rate >= 0.8\"]\n  ttft: [\"p(95) << 1s\"]\n".utf8).write(to: directory.appendingPathComponent("bad.yaml"))
            let bad = try await cli.run(["gate", "ra", "--gate", "bad.yaml", "--store", store], directory: directory)
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("bad.yaml:3:10:"))
        }
    }

    @Test func writesAReportAndExportsPrometheusText() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await Self.store(in: directory)
            let report = try await cli.run(["report", "ra", "rb", "--out", "r.html", "--store", store], directory: directory)
            #expect(report.status == 0)
            let html = try String(contentsOf: directory.appendingPathComponent("r.html"), encoding: .utf8)
            #expect(html.contains("Content-Security-Policy"))
            #expect(html.contains("data-key=\"accuracy:rb:strict-match\">50.0%"))
            #expect(!html.contains("<b>5</b>"))
            let missing = try await cli.run(["report", "nope", "--store", store], directory: directory)
            #expect(missing.status == 2)
            let prometheus = try await cli.run(["runs", "export", "rb", "--format", "prometheus", "--store", store], directory: directory)
            #expect(prometheus.status == 0)
            #expect(prometheus.stdout.contains("proctor_eval_accuracy{run=\"rb\",extractor=\"strict-match\"} 0.5"))
        }
    }

    @Test func serveRefusesAnOpenAddressWithoutAToken() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await Self.store(in: directory)
            let open = try await cli.run(["serve", "--host", "0.0.0.0", "--port", "0", "--store", store], directory: directory)
            #expect(open.status == 2)
            #expect(open.stderr.contains("refusing to serve the dashboard on 0.0.0.0 without a token"))
            let unset = try await cli.run(
                ["serve", "--host", "0.0.0.0", "--port", "0", "--token-env", "PROCTOR_TEST_UNSET_TOKEN", "--store", store], directory: directory)
            #expect(unset.status == 2)
            #expect(unset.stderr.contains("PROCTOR_TEST_UNSET_TOKEN"))
        }
    }
}
