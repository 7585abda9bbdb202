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

    static func compute(plan: EvalPlan, sampleIds: [String]) -> String {
        let canonical = Canonical(
            benchmark: plan.benchmark.name, promptProtocol: plan.benchmark.protocolName,
            datasetSHA256: plan.benchmark.dataset.sha256, endpointURL: plan.endpoint.baseURL, model: plan.endpoint.model,
            parameters: plan.parameters, streaming: plan.streaming, sampleIds: sampleIds,
            system: (plan.benchmark as? JSONLTask)?.definition.system)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(canonical)) ?? Data()
        return FileDigest.sha256(data)
    }
}
