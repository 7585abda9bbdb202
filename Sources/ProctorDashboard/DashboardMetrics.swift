import Foundation
import Hummingbird
import Prometheus
import ProctorStore

/// The dashboard's `/metrics`: runs by kind and status and the stored request, turn and
/// judgment counts (read from the store at each scrape), plus the dashboard's own HTTP requests
/// — one swift-prometheus registry, emitted in the text format.
final class DashboardMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let database: ProctorDatabase

    init(database: ProctorDatabase) {
        self.database = database
    }

    /// Counts one served request by route and status class.
    func served(route: String, status: Int) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(metricName: "proctor_dashboard_requests_total", unitName: "", helpText: "HTTP requests the dashboard answered"),
            labels: [("route", route), ("status", "\(status / 100)xx")]
        ).increment()
    }

    /// The exposition, with the store's counts refreshed.
    func exposition() async throws -> String {
        let counts = try await database.counts()
        for (kind, statuses) in counts.runs {
            for (status, count) in statuses {
                gauge("proctor_runs", [("kind", kind), ("status", status)], "Stored runs by kind and status").set(to: Double(count))
            }
        }
        gauge("proctor_requests_stored", [("kind", "eval_turn"), ("outcome", "answered")], "Stored requests by kind and outcome")
            .set(to: Double(counts.turns - counts.failedTurns))
        gauge("proctor_requests_stored", [("kind", "eval_turn"), ("outcome", "failed")], "Stored requests by kind and outcome")
            .set(to: Double(counts.failedTurns))
        gauge("proctor_requests_stored", [("kind", "load"), ("outcome", "answered")], "Stored requests by kind and outcome")
            .set(to: Double(counts.loadRequests - counts.failedLoadRequests))
        gauge("proctor_requests_stored", [("kind", "load"), ("outcome", "failed")], "Stored requests by kind and outcome")
            .set(to: Double(counts.failedLoadRequests))
        gauge("proctor_judgments_stored", [("outcome", "verdict")], "Stored judgments by outcome")
            .set(to: Double(counts.judgments - counts.judgmentsWithoutVerdict))
        gauge("proctor_judgments_stored", [("outcome", "no_verdict")], "Stored judgments by outcome").set(to: Double(counts.judgmentsWithoutVerdict))
        return registry.emitToString()
    }

    private func gauge(_ name: String, _ labels: [(String, String)], _ help: String) -> Gauge {
        registry.makeGauge(descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help), labels: labels)
    }
}

/// Counts every answered request into ``DashboardMetrics``.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = DashboardContext
    let metrics: DashboardMetrics

    func handle(_ request: Request, context: DashboardContext, next: (Request, DashboardContext) async throws -> Response) async throws -> Response {
        let route = Self.route(request.uri.path)
        do {
            let response = try await next(request, context)
            metrics.served(route: route, status: response.status.code)
            return response
        } catch let error as HTTPError {
            metrics.served(route: route, status: error.status.code)
            throw error
        } catch {
            metrics.served(route: route, status: 500)
            throw error
        }
    }

    /// A bounded route label (never a run id), so the counter's labels cannot grow without end.
    static func route(_ path: String) -> String {
        if path == "/" { return "/" }
        if path.hasPrefix("/runs/"), path.hasSuffix("/progress") { return "/runs/:id/progress" }
        if path.hasPrefix("/runs/") { return "/runs/:id" }
        if ["/compare", "/metrics", "/health"].contains(path) { return path }
        return "other"
    }
}
