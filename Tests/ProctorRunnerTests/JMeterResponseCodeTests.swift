import ProctorCore
import ProctorStore
import Testing

@testable import ProctorRunner

/// JMeter's free-text response codes map to a bounded set of error classes.
@Suite("JMeter response codes")
struct JMeterResponseCodeTests {
    @Test("statuses stay by code; JMeter's exception texts become a few classes", arguments: [
        ("500", "http_500"), ("429", "http_429"), ("404", "http_404"),
        ("Non HTTP response code: org.apache.http.NoHttpResponseException", "disconnected"),
        ("Non HTTP response code: java.net.SocketTimeoutException", "timeout"),
        ("Non HTTP response code: org.apache.http.conn.ConnectTimeoutException", "timeout"),
        ("Non HTTP response code: org.apache.http.conn.HttpHostConnectException: Connection refused", "connection"),
        ("Non HTTP response code: java.net.ConnectException", "connection"),
        ("Non HTTP response code: java.net.UnknownHostException", "connection"),
        ("Non HTTP response code: javax.net.ssl.SSLHandshakeException", "connection"),
        ("Non HTTP response code: java.net.SocketException", "connection"),
        ("Non HTTP response code: org.apache.http.TruncatedChunkException", "disconnected"),
        ("", "failed"), ("Non HTTP response code: java.lang.IllegalArgumentException", "failed"), ("999", "failed"),
    ])
    func classes(code: String, kind: String) {
        #expect(JMeterResponseCode.errorKind(code) == kind)
    }

    @Test("an imported failure keeps JMeter's words as its message beside its class, and exports them again")
    func importedFailuresKeepTheirMessage() async throws {
        let store = try ProctorDatabase()
        let samples = [
            JTLImport.Sample(timeStamp: 1_000, elapsed: 120, latency: 40, success: true, responseCode: "200", responseMessage: "OK", allThreads: 1),
            JTLImport.Sample(
                timeStamp: 1_200, elapsed: 5_000, latency: 0, success: false,
                responseCode: "Non HTTP response code: java.net.SocketTimeoutException",
                responseMessage: "Non HTTP response message: Read timed out", allThreads: 1),
            JTLImport.Sample(
                timeStamp: 1_300, elapsed: 30, latency: 30, success: false, responseCode: "503", responseMessage: "Service Unavailable",
                allThreads: 1),
        ]
        let report = try await JTLImport.importSamples(samples, file: "run.jtl", sha256: "0", url: "http://h/v1", label: "chat", into: store)
        let requests = try await store.loadRequests(runId: report.runId)
        let stored = requests.map(\.sample).sorted { $0.index < $1.index }
        #expect(stored.map(\.errorKind) == [nil, "timeout", "http_503"])
        #expect(stored.map(\.errorMessage) == [
            nil, "Non HTTP response code: java.net.SocketTimeoutException: Non HTTP response message: Read timed out",
            "503 Service Unavailable",
        ])
        let run = try #require(try await store.run(id: report.runId))
        let exported = LoadExporter.jtl(run: run, levels: try await store.loadLevelRecords(runId: report.runId), requests: requests)
        #expect(exported.contains("Non HTTP response message: Read timed out"))
    }
}
