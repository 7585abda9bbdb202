import ArgumentParser

/// `proctor finetune --eval BENCHMARK`: the base and the tuned model evaluated on the same samples
/// (one `proctor eval` with two models), then paired by `proctor compare`.
struct FinetuneEvaluation {
    /// The benchmark, as `proctor eval` names it.
    var benchmark: String
    /// The registered adapter.
    var adapter: String
    /// The prompt protocol, when the training data implies one.
    var promptProtocol: String?
    /// At most this many samples.
    var limit: Int?
    /// Requests in flight.
    var concurrency: Int
    /// The store the runs go to.
    var storage: StoreOptions
    /// Whether every step prints JSON.
    var json: Bool

    func run() async throws {
        let common = ["--store", storage.store] + (json ? ["--json"] : [])
        Terminal.info(
            "evaluating base (local) and tuned (local+\(adapter)) on \(benchmark)\(promptProtocol.map { " with \($0), the training prompts' protocol" } ?? "")"
                + (limit.map { ", \($0) samples" } ?? ""))
        let evaluation = try EvalCommand.parse(
            [benchmark, "--model", "local", "--model", "local+\(adapter)", "--concurrency", String(concurrency)]
                + (limit.map { ["--limit", String($0)] } ?? []) + (promptProtocol.map { ["--protocol", $0] } ?? []) + common)
        // One base and one tuned run per task (MathChat has four), in that order.
        let runs = try await evaluation.evaluate()
        for pair in stride(from: 0, to: runs.count - 1, by: 2) {
            Terminal.info("comparing base \(runs[pair]) with tuned \(runs[pair + 1])")
            let comparison = try CompareCommand.parse([runs[pair], runs[pair + 1]] + common)
            try await comparison.run()
        }
    }
}
