import ProctorCore
import ProctorReport
import Testing

@Suite("Gate expressions (k6 grammar)")
struct GateExpressionTests {
    @Test(arguments: [
        ("p(95) < 500ms", "p(95)", "<", 0.5),
        ("rate >= 0.5", "rate", ">=", 0.5),
        ("p(99.9) <= 1.5s", "p(99.9)", "<=", 1.5),
        (">= 40", "value", ">=", 40),
        ("value < 2J", "value", "<", 2),
        ("rate < 1%", "rate", "<", 0.01),
        ("ci_low >= 0.35", "ci_low", ">=", 0.35),
        ("ci_low(delta) >= -0.25", "ci_low(delta)", ">=", -0.25),
        ("value <= $0.002", "value", "<=", 0.002),
        ("avg == 3", "avg", "==", 3),
        ("med > 250us", "med", ">", 0.00025),
        ("value < 1Wh", "value", "<", 3600),
    ])
    func constants(text: String, aggregate: String, op: String, limit: Double) throws {
        let expression = try GateExpression(parsing: text)
        #expect(expression.aggregate.description == aggregate)
        #expect(expression.op.rawValue == op)
        guard case .constant(let value) = expression.limit else {
            Issue.record("\(text) should have a constant limit")
            return
        }
        #expect(abs(value - limit) < 1e-12)
        #expect(!expression.requiresSignificance)
    }

    @Test func baselineArithmeticAndSignificance() throws {
        let relative = try GateExpression(parsing: "p(99) <= baseline * 1.10 + 20ms")
        #expect(relative.limit == .baseline(factor: 1.10, offset: 0.02))
        #expect(try GateExpression(parsing: ">= baseline * 0.95").limit == .baseline(factor: 0.95, offset: 0))
        #expect(try GateExpression(parsing: "p(50) < baseline - 5ms").limit == .baseline(factor: 1, offset: -0.005))
        let significant = try GateExpression(parsing: "delta >= -0.02 significant")
        #expect(significant.requiresSignificance)
        #expect(significant.aggregate == .delta)
    }

    @Test(arguments: [
        ("p(95) 500ms", "no comparison"),
        ("p(101) < 5", "unknown aggregate"),
        ("rate >= abc", "not a number"),
        ("rate > 0.1 significant", "`significant` applies to delta or ratio"),
        ("p(95) < baseline * x", "needs a number"),
        ("p(95) < 5 parsecs", "not a number"),
    ])
    func refusesWithAReason(text: String, reason: String) {
        #expect {
            try GateExpression(parsing: text)
        } throws: { error in
            String(describing: error).contains(reason)
        }
    }
}

@Suite("Gate files")
struct GateFileTests {
    static let issueExample = """
        thresholds:
          accuracy{extractor:strict-match}: ["rate >= 0.5"]
          accuracy{extractor:flexible-extract, vs:baseline}: ["delta >= -0.02 significant"]
          ttft: ["p(95) < 500ms", "p(99) <= baseline * 1.10 + 20ms"]
          errors: ["rate < 0.01"]
          throughput{users:16}: ["value >= 40"]
          energy_per_correct: ["value < 2J"]
        """

    @Test func readsTheIssueExample() throws {
        let file = try GateFile(yaml: Self.issueExample, file: "gates.yaml")
        #expect(file.thresholds.count == 7)
        #expect(file.thresholds.map(\.location) == [
            "gates.yaml:2:38", "gates.yaml:3:55", "gates.yaml:4:10", "gates.yaml:4:27", "gates.yaml:5:12", "gates.yaml:6:26", "gates.yaml:7:24",
        ])
        #expect(file.thresholds[1].selector.tags == ["extractor": "flexible-extract", "vs": "baseline"])
        #expect(file.thresholds[5].selector.tags == ["users": "16"])
        #expect(file.needsBaseline)
        #expect(file.alpha == 0.05 && file.onInconclusive == .fail && file.holm)
    }

    @Test func readsDefaults() throws {
        let file = try GateFile(
            yaml: """
                version: 1
                defaults:
                  alpha: 0.01
                  min_samples: 100
                  on_inconclusive: warn
                  correction: none
                  bootstrap: {iterations: 5000, seed: 20261122}
                thresholds:
                  e2el{rate:4}: "p(95) < 2s"
                """, file: "g.yaml")
        #expect(file.alpha == 0.01 && file.minimumSamples == 100 && file.onInconclusive == .warn && !file.holm)
        #expect(file.iterations == 5000 && file.seed == 20_261_122)
        #expect(file.thresholds.count == 1 && !file.needsBaseline)
    }

    @Test(arguments: [
        ("thresholds:\n  ttft: [\"p(95) < 500ms\"]\n  tfft: [\"p(95) < 1s\"]\n", "g.yaml:3:3: unknown metric \"tfft\""),
        ("thresholds:\n  ttft:\n    - \"p(95) < 500ms\"\n    - \"p(95) <> 1s\"\n", "g.yaml:4:7:"),
        ("thresholds:\n  ttft: [\"rate < 0.1\"]\n", "g.yaml:2:10: \"rate < 0.1\": ttft takes avg, min, max, med or p(N)"),
        ("thresholds:\n  accuracy: [\"delta >= 0\"]\n", "needs a baseline; add vs:baseline"),
        ("thresholds:\n  ttft{user:8}: [\"p(95) < 1s\"]\n", "g.yaml:2:3: \"ttft{user:8}\": unknown tag \"user\""),
        ("thresholds:\n  ttft: [\"p(95) < 1s\"]\n  ttft: [\"p(99) < 2s\"]\n", "duplicate key"),
        ("thresholds: [\n", "g.yaml:2:1: not valid YAML"),
        ("defaults:\n  alpah: 0.1\nthresholds:\n  ttft: [\"p(95) < 1s\"]\n", "g.yaml:2:3: unknown field defaults.alpah"),
        ("defaults:\n  alpha: 2\nthresholds:\n  ttft: [\"p(95) < 1s\"]\n", "g.yaml:2:10: defaults.alpha must be a number between 0 and 1"),
        ("limits:\n  ttft: [\"p(95) < 1s\"]\n", "g.yaml:1:1: unknown key \"limits\""),
        ("defaults:\n  alpha: 0.1\n", "has no `thresholds`"),
        ("thresholds:\n  ttft: []\n", "g.yaml:2:9: \"ttft\" needs a list of expressions"),
    ])
    func badFilesNameTheLine(yaml: String, message: String) {
        #expect {
            try GateFile(yaml: yaml, file: "g.yaml")
        } throws: { error in
            guard let error = error as? GateFileError else { return false }
            return error.description.contains(message) && error.code == .badInput
        }
    }
}
