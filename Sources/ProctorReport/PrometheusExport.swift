import Foundation
public import ProctorCore
import Prometheus

/// A run's figures in the Prometheus text exposition format, through swift-prometheus (which
/// escapes label values): what the seed project's file export gave, for a Pushgateway or a
/// textfile collector.
public enum PrometheusExport {
    /// The exposition of one evaluation run's summary.
    public static func eval(_ run: Run, summary: EvalSummary) -> String {
        let registry = PrometheusCollectorRegistry()
        info(run, registry)
        for extractor in summary.extractors {
            gauge(registry, "proctor_eval_accuracy", [("run", run.id), ("extractor", extractor.name)], "Share of samples the extractor scored correct")
                .set(to: extractor.accuracy.value)
            gauge(registry, "proctor_eval_accuracy_ci95_low", [("run", run.id), ("extractor", extractor.name)], "Wilson 95% interval, low end")
                .set(to: extractor.accuracy.confidenceInterval95.lowerBound)
            gauge(registry, "proctor_eval_accuracy_ci95_high", [("run", run.id), ("extractor", extractor.name)], "Wilson 95% interval, high end")
                .set(to: extractor.accuracy.confidenceInterval95.upperBound)
        }
        gauge(registry, "proctor_eval_samples", [("run", run.id)], "Samples with a stored result").set(to: Double(summary.samples))
        gauge(registry, "proctor_eval_errors", [("run", run.id)], "Requests that failed in transport (never scored)").set(to: Double(summary.errors))
        gauge(registry, "proctor_eval_tokens", [("run", run.id), ("type", "prompt")], "Tokens reported by the server").set(to: Double(summary.promptTokens))
        gauge(registry, "proctor_eval_tokens", [("run", run.id), ("type", "completion")], "Tokens reported by the server").set(to: Double(summary.completionTokens))
        quantiles("proctor_eval_latency_seconds", summary.latency, labels: [("run", run.id)], registry)
        return registry.emitToString()
    }

    /// The exposition of one load run's levels.
    public static func load(_ run: Run, report: LoadReport) -> String {
        let registry = PrometheusCollectorRegistry()
        info(run, registry)
        for level in report.levels {
            let labels = [("run", run.id), ("level", String(level.level)), ("load", LoadComparison.format(level.load)), ("unit", level.unit)]
            let m = level.metrics
            gauge(registry, "proctor_load_request_throughput", labels, "Completed requests per second").set(to: m.requestThroughput)
            gauge(registry, "proctor_load_output_throughput", labels, "Output tokens per second").set(to: m.outputThroughput)
            gauge(registry, "proctor_load_error_rate", labels, "Failed over all requests").set(to: m.errorRate)
            gauge(registry, "proctor_load_requests", labels + [("outcome", "completed")], "Requests by outcome").set(to: Double(m.completed))
            gauge(registry, "proctor_load_requests", labels + [("outcome", "failed")], "Requests by outcome").set(to: Double(m.failed))
            quantiles("proctor_load_ttft_seconds", m.ttft, labels: labels, registry)
            quantiles("proctor_load_tpot_seconds", m.tpot, labels: labels, registry)
            quantiles("proctor_load_itl_seconds", m.itl, labels: labels, registry)
            quantiles("proctor_load_e2el_seconds", m.e2el, labels: labels, registry)
            quantiles("proctor_load_lateness_seconds", m.lateness, labels: labels, registry)
        }
        if let saturation = report.saturationLoad {
            gauge(registry, "proctor_load_saturation", [("run", run.id), ("unit", report.levels.first?.unit ?? "")], "Offered load at the saturation point")
                .set(to: saturation)
        }
        return registry.emitToString()
    }

    private static func gauge(_ registry: PrometheusCollectorRegistry, _ name: String, _ labels: [(String, String)], _ help: String) -> Gauge {
        registry.makeGauge(descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help), labels: labels)
    }

    private static func info(_ run: Run, _ registry: PrometheusCollectorRegistry) {
        let benchmark = run.eval?.benchmark ?? run.load?.workload.name ?? ""
        let labels = [
            ("run", run.id), ("kind", run.kind.rawValue), ("status", run.status.rawValue), ("model", run.modelId ?? run.modelName),
            ("benchmark", benchmark),
        ]
        gauge(registry, "proctor_run_info", labels, "A stored run (value 1)").set(to: 1)
    }

    private static func quantiles(_ name: String, _ distribution: Distribution, labels: [(String, String)], _ registry: PrometheusCollectorRegistry) {
        for (quantile, value) in [("0.5", distribution.median), ("0.9", distribution.p90), ("0.95", distribution.p95), ("0.99", distribution.p99)] {
            gauge(registry, name, labels + [("quantile", quantile)], "Percentile over the run's requests").set(to: value)
        }
    }
}
