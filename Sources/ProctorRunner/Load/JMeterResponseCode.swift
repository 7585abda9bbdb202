/// JMeter's `responseCode` for a failed sample as one of Proctor's bounded error classes: an HTTP
/// status stays `http_<code>`; JMeter's free text for a request that got no HTTP answer
/// (`Non HTTP response code: java.net.SocketTimeoutException`, …) becomes `timeout`,
/// `connection` or `disconnected`, and anything else `failed`, so that a report's error table
/// stays a short list of classes however many exception names JMeter prints.
package enum JMeterResponseCode {
    /// The error class of a failed sample whose `responseCode` was `code`.
    package static func errorKind(_ code: String) -> String {
        if let status = Int(code), (100...599).contains(status) { return "http_\(status)" }
        let text = code.lowercased()
        if text.contains("timeout") { return "timeout" }
        if text.contains("nohttpresponse") || text.contains("connectionclosed") || text.contains("truncated") { return "disconnected" }
        let connection = ["connectexception", "connection refused", "unknownhost", "noroutetohost", "socketexception", "sslexception", "sslhandshake"]
        if connection.contains(where: text.contains) { return "connection" }
        return "failed"
    }

    /// JMeter's own words for a failed sample, kept beside its class: the response code and
    /// message as JMeter wrote them (`503 Service Unavailable`, `Non HTTP response code:
    /// java.net.SocketTimeoutException: Non HTTP response message: Read timed out`).
    package static func message(code: String, message: String) -> String {
        [code, message].filter { !$0.isEmpty }.joined(separator: Int(code) == nil ? ": " : " ")
    }
}
