import Foundation
public import ProctorCore

extension JudgeSession {
    /// Creates, for each of `sourceRunIds`, a new run that re-judges its answers with `judge`:
    /// the source's specification with the new judge, the source named, and its answers copied
    /// (never regenerated). Returns the new runs in order; none is judged yet.
    ///
    /// - Throws: ``ProctorError`` when a source is missing or is not an MT-bench run.
    public func rejudge(_ sourceRunIds: [String], judge: JudgeSpecification, baselineSourceId: String? = nil) async throws
        -> [Run]
    {
        var created: [Run] = []
        for id in sourceRunIds {
            guard let source = try await store.run(id: id) else { throw ProctorError.badInput("no run \(id) in the store") }
            guard var specification = source.eval else {
                throw ProctorError.badInput(
                    "run \(id) is a \(source.kind.rawValue) run", hint: "judge evaluation runs of a judged benchmark")
            }
            specification.judge = judge
            specification.sourceRunId = source.id
            let run = try await lifecycle.create(
                .eval(specification), target: source.target, endpointURL: source.endpointURL, modelName: source.modelName,
                modelId: source.modelId, configHash: source.configHash)
            try await store.copyAnswers(from: source.id, to: run.id)
            created.append(run)
        }
        let ids = created.map(\.id)
        let baseline = baselineSourceId.flatMap { source in zip(sourceRunIds, ids).first { $0.0 == source }?.1 }
        for index in created.indices {
            guard var specification = created[index].eval else { continue }
            specification.judge?.comparedRunIds = ids
            specification.judge?.baselineRunId = baseline
            created[index].specification = .eval(specification)
            try await store.update(created[index])
        }
        return created
    }
}
