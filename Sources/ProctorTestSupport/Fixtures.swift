import Foundation
import ProctorCore
public import ProctorStore

/// Ready-made records for tests.
public enum Fixtures {
    /// A run record with plausible metadata.
    public static func run(id: String, sampleIds: [String] = ["test-1"]) -> RunRecord {
        RunRecord(
            id: id, kind: "eval", status: "running", createdAt: Date(timeIntervalSince1970: 1_800_000_000), finishedAt: nil,
            benchmark: "gsm8k", promptProtocol: "gsm8k_cot", datasetName: "gsm8k/test", datasetSHA256: "abc",
            target: "http://127.0.0.1:1/v1", endpointURL: "http://127.0.0.1:1/v1", modelName: "m", modelId: "m",
            parameters: GenerationParameters(stop: ["Q:"]), streaming: true, concurrency: 2, sampleSeed: nil, sampleLimit: 1,
            sampleIds: sampleIds, extractorNames: ["strict-match", "flexible-extract"], host: "h", os: "os", cpu: "cpu",
            proctorVersion: "0.1.0", gitCommit: nil, configHash: "hash", wallSeconds: 0)
    }
}
