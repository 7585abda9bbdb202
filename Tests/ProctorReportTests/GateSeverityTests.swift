import ProctorCore
import ProctorReport
import Testing

@Suite("Gate thresholds in k6's long form")
struct GateSeverityTests {
    @Test func readsTheLongFormWithSeverity() throws {
        let file = try GateFile(
            yaml: """
                thresholds:
                  ttft:
                    - "p(95) < 500ms"
                    - {threshold: "p(99) < 2s", severity: warn}
                """, file: "g.yaml")
        #expect(file.thresholds.map(\.severity) == [.error, .warn])
        #expect(file.thresholds[1].location == "g.yaml:4:19")
        #expect(file.thresholds[1].expression.text == "p(99) < 2s")
    }

    @Test(arguments: [
        (#"thresholds: {ttft: [{threshold: "p(95) < 1s", severity: maybe}]}"#, "g.yaml:1:57: severity must be error or warn"),
        (#"thresholds: {ttft: [{threshold: "p(95) < 1s", abortOnFail: true}]}"#, "unknown field \"abortOnFail\" in a threshold"),
        (#"thresholds: {ttft: [{severity: warn}]}"#, "needs `threshold:"),
    ])
    func refusesABadLongForm(yaml: String, message: String) {
        #expect {
            try GateFile(yaml: yaml, file: "g.yaml")
        } throws: { error in
            String(describing: error).contains(message)
        }
    }
}
