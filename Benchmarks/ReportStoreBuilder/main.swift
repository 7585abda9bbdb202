import Foundation
import ProctorCore
import ProctorStore

// Writes the store Benchmarks/report.sh measures: two 5,000-sample MATH evaluations whose
// answers agree on most items (as two checkpoints of one model do), and a 100,000-request load
// run over ten levels with 16 chunk arrivals per request. Seeded, so every machine builds the
// same store.
//
// usage: ReportStoreBuilder STORE

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: ReportStoreBuilder STORE\n".utf8))
    exit(2)
}
let database = try ProctorDatabase(path: CommandLine.arguments[1])
/// A uniform draw in [0, 1) from `generator`.
func uniform(_ generator: inout SplitMix64) -> Double { Double(generator.next() >> 11) / Double(1 << 53) }

func run(_ id: String, _ specification: RunSpecification) -> Run {
    Run(
        id: id, status: .completed, createdAt: Date(timeIntervalSince1970: 1_800_000_000), finishedAt: Date(timeIntervalSince1970: 1_800_000_600),
        target: "bench", endpointURL: "http://127.0.0.1:8000/v1", modelName: "bench", modelId: "bench-\(id)",
        machine: MachineInfo(host: "bench", os: "linux", cpu: "cpu"), proctorVersion: "bench", gitCommit: nil, configHash: "bench",
        wallSeconds: 600, specification: specification)
}

let sampleIds = (0..<5000).map { "test-\($0)" }
let math = EvalSpecification(
    benchmark: "math", promptProtocol: "minerva_math", dataset: DatasetInfo(name: "math/test", sha256: "bench", count: 5000),
    parameters: GenerationParameters(temperature: 0, maxTokens: 1024, seed: 1234, stop: []), streaming: true, concurrency: 64, sampleSeed: nil,
    sampleLimit: nil, sampleIds: sampleIds, extractorNames: ["minerva-match", "exact-match"])
for (id, shift) in [("rmathbase", 0.0), ("rmathcand", 0.03)] {
    try await database.insert(run(id, .eval(math)))
    // The same draws for both runs: the candidate gets right everything the base does, and 3% more.
    var random = SplitMix64(seed: 20_261_202)
    for (index, sampleId) in sampleIds.enumerated() {
        let ability = uniform(&random)
        let correct = ability < 0.45 + shift
        let sample = EvalSample(
            id: sampleId, index: index, messages: [ChatMessage(role: .user, content: "Problem \(index)")], reference: "\(index % 97)",
            groups: ["subject": ["algebra", "geometry", "number_theory", "precalculus"][index % 4], "level": "Level \(index % 5 + 1)"])
        let answer = correct ? "\(index % 97)" : "\(index % 89 + 1)"
        try await database.record(
            TurnResult(
                runId: id, sample: sample, turn: 1, isFinal: true, startedAt: Date(timeIntervalSince1970: 1_800_000_000), prompt: sample.messages,
                outcome: .success(
                    Completion(
                        text: "Final Answer: The final answer is $\(answer)$. I hope it is correct.", finishReason: "stop",
                        usage: TokenUsage(promptTokens: 600, completionTokens: 200),
                        timings: RequestTimings(chunkArrivals: [0.05, 0.9], completed: 0.9), model: id, attempts: 1)),
                score: SampleScore(outputs: [
                    ExtractorOutput(name: "minerva-match", extracted: answer, normalized: answer, correct: correct),
                    ExtractorOutput(name: "exact-match", extracted: answer, normalized: answer, correct: correct && index % 7 != 0),
                ])))
    }
}

let load = LoadSpecification(
    mode: .steps((1...10).map { LoadStep.closed(users: $0 * 8, duration: 60, rampUp: 0, thinkTime: 0) }),
    workload: WorkloadDescription(
        name: "synthetic-512x128", dataset: DatasetInfo(name: "synthetic", sha256: "bench", count: 0),
        parameters: GenerationParameters(temperature: 0, maxTokens: 128, seed: nil, stop: []), scoredBy: nil),
    streaming: true, concurrencyBound: 80, criteria: .standard, seed: 1)
try await database.insert(run("rload", .load(load)))
let start = Date(timeIntervalSince1970: 1_800_000_000)
var random = SplitMix64(seed: 20_261_202)
for level in 0..<10 {
    let users = Double((level + 1) * 8)
    var accumulator = LoadLevelAccumulator()
    var requests: [LoadRequestSample] = []
    for index in 0..<10_000 {
        let sent = Double(index) * 60 / 10_000
        let ttft = 0.05 + 0.01 * users * uniform(&random)
        let gap = 0.01 + 0.0005 * users * uniform(&random)
        let arrivals = (0..<16).map { ttft + Double($0) * gap }
        let failed = uniform(&random) < 0.002
        let sample = LoadRequestSample(
            level: level, index: index, scheduled: sent, sent: sent + 0.0001, ended: sent + (arrivals.last ?? 0),
            timings: failed ? nil : RequestTimings(chunkArrivals: arrivals, completed: arrivals.last ?? 0), promptTokens: 512,
            outputTokens: failed ? nil : 128, httpStatus: failed ? 503 : 200, errorKind: failed ? "server_error" : nil)
        accumulator.add(sample)
        requests.append(sample)
    }
    try await database.record(requests, runId: "rload")
    try await database.record(
        LoadReport.Level(level: level, phase: "closed", load: users, unit: "users", metrics: accumulator.metrics()),
        startedAt: start.addingTimeInterval(Double(level) * 61), runId: "rload")
}
print("wrote rmathbase, rmathcand (5,000 MATH samples each) and rload (100,000 requests) to \(CommandLine.arguments[1])")
