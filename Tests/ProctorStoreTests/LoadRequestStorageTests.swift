import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

@Suite("Load requests in the store")
struct LoadRequestStorageTests {
    /// Chunk arrivals survive the round trip exactly, whatever form Swift prints them in
    /// (plain, exponent, many digits), and a request without timings stays without.
    @Test func chunkArrivalsRoundTrip() async throws {
        let database = try ProctorDatabase()
        var run = Fixtures.run(id: "rload")
        run.specification = .load(
            LoadSpecification(
                mode: .recorded("load:closed"),
                workload: WorkloadDescription(name: "w", dataset: DatasetInfo(name: "d", sha256: "s", count: 0), parameters: GenerationParameters(), scoredBy: nil),
                streaming: true, concurrencyBound: 1, criteria: .standard, seed: 1))
        try await database.insert(run)
        let arrivals = [0.1, 1e-05, 0.123456789012345, 12.5, 3.0000000000000004]
        let requests = [
            LoadRequestSample(
                level: 0, index: 0, scheduled: 0, sent: 0.001, ended: 12.5, timings: RequestTimings(chunkArrivals: arrivals, completed: 12.5),
                promptTokens: 3, outputTokens: 5, httpStatus: 200, errorKind: nil),
            LoadRequestSample(
                level: 0, index: 1, scheduled: 1, sent: 1, ended: 1.5, timings: nil, promptTokens: nil, outputTokens: nil, httpStatus: 503,
                errorKind: "server_error"),
            LoadRequestSample(
                level: 0, index: 2, scheduled: 2, sent: 2, ended: 2.5, timings: RequestTimings(chunkArrivals: [], completed: 0.5),
                promptTokens: 3, outputTokens: 1, httpStatus: 200, errorKind: nil),
        ]
        try await database.record(requests, runId: "rload")
        let stored = try await database.loadRequests(runId: "rload").map(\.sample).sorted { $0.index < $1.index }
        #expect(stored == requests)
    }
}
