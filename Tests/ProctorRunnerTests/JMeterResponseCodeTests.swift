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
}
