import Foundation
import ProctorBenchmarks
import ProctorClient
import ProctorCore

/// The SHA-256 of a run's defining settings in canonical JSON (sorted keys), so that two runs with
/// the same hash asked the same questions the same way.
enum ConfigHash {
    private struct Canonical: Encodable {
        var benchmark: String
        var promptProtocol: String
        var datasetSHA256: String
        var endpointURL: String
        var model: String
        var parameters: GenerationParameters
        var streaming: Bool
        var sampleIds: [String]
        var system: String?
    }

    static func compute(_ specification: EvalSpecification, endpoint: Endpoint) -> String {
        let canonical = Canonical(
            benchmark: specification.benchmark, promptProtocol: specification.promptProtocol,
            datasetSHA256: specification.dataset.sha256, endpointURL: endpoint.baseURL, model: endpoint.model,
            parameters: specification.parameters, streaming: specification.streaming, sampleIds: specification.sampleIds,
            system: specification.task?.system)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(canonical)) ?? Data()
        return FileDigest.sha256(data)
    }
}
