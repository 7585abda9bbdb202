import Foundation
public import ProctorCore

/// Where traces go and with what, from `--otlp-endpoint` and the standard `OTEL_*` variables:
/// the flag or `OTEL_EXPORTER_OTLP_ENDPOINT` is a base URL (spans go to `BASE/v1/traces`),
/// `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` a full one; headers from `OTEL_EXPORTER_OTLP_HEADERS` and
/// `…_TRACES_HEADERS`; `OTEL_SERVICE_NAME` and `OTEL_RESOURCE_ATTRIBUTES` describe the resource;
/// `OTEL_SDK_DISABLED=true` turns tracing off. Only HTTP/protobuf is spoken.
public struct OTLPSettings: Sendable {
    /// The exporter's configuration.
    public var configuration: OTLPExporter.Configuration
    /// Where the URL came from (`--otlp-endpoint` or the variable's name), for messages.
    public var origin: String

    /// The settings, or `nil` when tracing is off (no endpoint anywhere, or the SDK disabled).
    ///
    /// - Throws: ``ProctorError`` naming the flag or variable with a bad URL or an unsupported protocol.
    public static func resolve(endpoint: String?, project: String, environment: [String: String]) throws(ProctorError) -> OTLPSettings? {
        if environment["OTEL_SDK_DISABLED"]?.lowercased() == "true", endpoint == nil { return nil }
        let url: String
        let origin: String
        if let endpoint {
            url = try base(endpoint, origin: "--otlp-endpoint") + "/v1/traces"
            origin = "--otlp-endpoint"
        } else if let traces = environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"], !traces.isEmpty {
            url = try base(traces, origin: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
            origin = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"
        } else if let general = environment["OTEL_EXPORTER_OTLP_ENDPOINT"], !general.isEmpty {
            url = try base(general, origin: "OTEL_EXPORTER_OTLP_ENDPOINT") + "/v1/traces"
            origin = "OTEL_EXPORTER_OTLP_ENDPOINT"
        } else {
            return nil
        }
        for name in ["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"] {
            if let value = environment[name], !value.isEmpty, value != "http/protobuf" {
                throw ProctorError.badInput(
                    "\(name)=\(value): Proctor sends traces over OTLP/HTTP with protobuf only",
                    hint: "set \(name)=http/protobuf (or unset it) and point the endpoint at the receiver's HTTP port (4318, or Phoenix's 6006)")
            }
        }
        var headers = pairs(environment["OTEL_EXPORTER_OTLP_HEADERS"] ?? "")
        headers += pairs(environment["OTEL_EXPORTER_OTLP_TRACES_HEADERS"] ?? "")
        var resource: [(key: String, value: SpanRecord.Value)] = [
            ("service.name", .string(environment["OTEL_SERVICE_NAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "proctor")),
            ("openinference.project.name", .string(project)),
        ]
        for (key, value) in pairs(environment["OTEL_RESOURCE_ATTRIBUTES"] ?? "") where !resource.contains(where: { $0.key == key }) {
            resource.append((key, .string(value)))
        }
        return OTLPSettings(
            configuration: OTLPExporter.Configuration(tracesURL: url, headers: headers.map { ($0.0, $0.1) }, resource: resource),
            origin: origin)
    }

    private static func base(_ text: String, origin: String) throws(ProctorError) -> String {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ProctorError.badInput(
                "\(origin) \(text) is not an http(s) URL", hint: "give the receiver's base URL, e.g. http://127.0.0.1:6006 for Phoenix")
        }
        return trimmed
    }

    /// `k=v,k2=v2` with percent-encoded values, as the OTel specification writes them.
    static func pairs(_ text: String) -> [(String, String)] {
        text.split(separator: ",").compactMap { item in
            guard let equals = item.firstIndex(of: "=") else { return nil }
            let key = item[..<equals].trimmingCharacters(in: .whitespaces)
            let value = String(item[item.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            return key.isEmpty ? nil : (key, value.removingPercentEncoding ?? value)
        }
    }
}
