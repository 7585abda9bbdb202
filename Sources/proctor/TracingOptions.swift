import ArgumentParser
import Foundation
import ProctorClient
import ProctorCore
import ProctorRunner
import ProctorTelemetry
import Synchronization
import Tracing

/// `--otlp-endpoint` and `--trace-content`: a span per sample and per model or judge call, sent
/// over OTLP/HTTP to any receiver (Arize Phoenix, an OpenTelemetry Collector, Jaeger). Off unless
/// the flag or the standard `OTEL_EXPORTER_OTLP_*ENDPOINT` variables name a receiver.
struct TracingOptions: ParsableArguments {
    @Option(help: "OTLP/HTTP receiver base URL; spans go to URL/v1/traces (e.g. http://127.0.0.1:6006 for Phoenix). OTEL_EXPORTER_OTLP_ENDPOINT works too.")
    var otlpEndpoint: String?

    @Flag(help: "Put prompts and answers into the spans (off by default; API keys never go in).")
    var traceContent = false

    @Option(help: "The Phoenix project the spans belong to (openinference.project.name).")
    var traceProject = "proctor"

    /// Runs `body` with tracing on when asked for, then sends what is left and says how it went.
    func around<Result: Sendable>(quiet: Bool, _ body: () async throws -> Result) async throws -> Result {
        guard
            let settings = try OTLPSettings.resolve(
                endpoint: otlpEndpoint, project: traceProject, environment: ProcessInfo.processInfo.environment)
        else { return try await body() }
        let exporter = OTLPExporter(configuration: settings.configuration, version: BuildInfo.version)
        TraceExport.start(exporter: exporter, includeContent: traceContent)
        let runner = Task { await exporter.run() }
        let result: Result
        do {
            result = try await body()
        } catch {
            _ = await exporter.finish(after: runner)
            throw error
        }
        let statistics = await exporter.finish(after: runner)
        if statistics.failed > 0 || statistics.dropped > 0 {
            Terminal.error(
                "traces: \(statistics.sent) spans sent to \(settings.configuration.tracesURL), \(statistics.failed) failed, "
                    + "\(statistics.dropped) dropped (queue full)" + (statistics.lastError.map { "; last error: \($0)" } ?? ""))
        } else if !quiet {
            Terminal.info("traces: \(statistics.sent) spans sent to \(settings.configuration.tracesURL) (from \(settings.origin))")
        }
        return result
    }
}

/// The process's tracing: bootstrapped once, and the wrapper every chat client goes through.
enum TraceExport {
    private static let includeContent = Mutex<Bool?>(nil)

    /// Bootstraps the tracer (once per process).
    static func start(exporter: OTLPExporter, includeContent content: Bool) {
        let first = includeContent.withLock { value -> Bool in
            defer { value = content }
            return value == nil
        }
        if first { InstrumentationSystem.bootstrap(OTLPTracer(exporter: exporter)) }
    }

    /// `client` with a span per call when tracing is on; `client` itself otherwise.
    static func traced(_ client: any ChatCompleting, model: String, role: String) -> any ChatCompleting {
        guard let content = includeContent.withLock({ $0 }) else { return client }
        return TracedChatClient(client, model: model, role: role, includeContent: content)
    }
}
