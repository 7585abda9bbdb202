import Foundation
import Hummingbird
import ProctorCore
import ProctorReport
import ProctorStore

/// The dashboard's pages, rendered from the store with the report's view-models.
struct DashboardPages: Sendable {
    let database: ProctorDatabase

    /// How far a run has come, for live progress.
    struct Progress: Encodable {
        var id: String
        var status: String
        var stored: Int
        var failed: Int
        /// Samples the run selected (evaluations); `nil` for load runs.
        var expected: Int?
    }

    static let navigation = [Link(href: "/", text: "runs"), Link(href: "/metrics", text: "metrics")]

    func runs(limit: Int) async throws -> String {
        let runs = try await database.runs(limit: min(max(limit, 1), 1000))
        var section = Section(heading: "Runs")
        section.notes.append("The \(runs.count) newest runs. Open one for its report; running runs reload every 5 seconds.")
        section.compareForm = CompareForm(runIds: runs.map(\.id))
        section.tables.append(
            Table(
                caption: "Stored runs", headers: ["run", "created", "status", "kind", "benchmark", "model"],
                rows: runs.map { run in
                    Table.Row(cells: [
                        Table.Cell(run.id, key: "run:\(run.id)", href: "/runs/\(Self.pathComponent(run.id))"),
                        Table.Cell(run.createdAt.formatted(.iso8601)), Table.Cell(run.status.rawValue, key: "status:\(run.id)"),
                        Table.Cell(run.kind.rawValue), Table.Cell(run.eval?.benchmark ?? run.load?.workload.name ?? ""),
                        Table.Cell(run.modelLabel),
                    ])
                }))
        var page = ReportPage(title: "Proctor runs", generated: Date().formatted(.iso8601), runs: [], sections: [section], samples: nil, notes: [])
        page.navigation = Self.navigation
        return HTMLReport.render(page)
    }

    /// Rows of the sample table per page.
    static let sampleRows = 500

    func run(id: String, sampleOffset: Int) async throws -> String {
        guard let run = try await database.run(id: id) else { throw HTTPError(.notFound, message: "no run \(id)") }
        var page = try await HTMLReport(database: database, sampleLimit: Self.sampleRows).page(runIds: [id], sampleOffset: sampleOffset)
        page.navigation = Self.navigation
        if var samples = page.samples {
            let path = "/runs/\(Self.pathComponent(id))"
            if samples.offset > 0 {
                samples.pages.append(Link(href: "\(path)?samples=\(max(0, samples.offset - Self.sampleRows))", text: "← previous \(Self.sampleRows)"))
            }
            if samples.offset + samples.shown < samples.total {
                samples.pages.append(Link(href: "\(path)?samples=\(samples.offset + samples.shown)", text: "next \(Self.sampleRows) →"))
            }
            page.samples = samples
        }
        if run.status == .running {
            let progress = try await progress(of: run)
            page.refreshSeconds = 5
            page.notes.insert(
                "Running: \(progress.stored)\(progress.expected.map { " of \($0)" } ?? "") results stored, \(progress.failed) failed. This page reloads every 5 seconds.",
                at: 0)
        }
        return HTMLReport.render(page)
    }

    func progress(id: String) async throws -> Progress {
        guard let run = try await database.run(id: id) else { throw HTTPError(.notFound, message: "no run \(id)") }
        return try await progress(of: run)
    }

    private func progress(of run: Run) async throws -> Progress {
        let counts = try await database.progress(runId: run.id)
        return Progress(id: run.id, status: run.status.rawValue, stored: counts.stored, failed: counts.failed, expected: run.eval?.sampleIds.count)
    }

    func compare(base: String, candidate: String) async throws -> String {
        for id in [base, candidate] where try await database.run(id: id) == nil {
            throw HTTPError(.notFound, message: "no run \(id)")
        }
        var page = try await HTMLReport(database: database).page(runIds: [base, candidate])
        page.navigation = Self.navigation
        return HTMLReport.render(page)
    }

    /// A run id made safe for a URL path.
    static func pathComponent(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
