import ArgumentParser
import ProctorCore
import ProctorRunner

/// The judged half of `proctor eval`: grading MT-bench runs once their answers are in, and again
/// when a run is resumed.
extension EvalCommand {
    /// Judges the MT-bench runs `runIds` (if a judge was given) and prints their comparison.
    func finishJudged(_ runIds: [String], session: EvalSession) async throws {
        let judgeSession = JudgeSession(store: session.store)
        if let judgeTarget = try judging.resolve(config: target.config), let judgeName = judging.judge {
            let baseline = zip(target.models, runIds).first { $0.0 == judging.baseline }?.1
            for id in runIds {
                guard var run = try await session.store.run(id: id), var evaluation = run.eval else { continue }
                evaluation.judge?.comparedRunIds = runIds
                evaluation.judge?.baselineRunId = baseline
                run.specification = .eval(evaluation)
                try await session.store.update(run)
            }
            try await judge(runIds, target: judgeTarget, name: judgeName, session: judgeSession)
        }
        try await JudgePhase.report(runIds: runIds, session: judgeSession, json: output.json)
    }

    func judge(_ runIds: [String], target judgeTarget: TargetOptions.Target, name: String, session: JudgeSession)
        async throws
    {
        do {
            try await interruptible {
                try await JudgePhase.run(
                    runIds: runIds, target: judgeTarget, targetName: name, attempts: judging.judgeAttempts,
                    timeout: generation.requestTimeout(default: 600), session: session, quiet: output.json)
            }
        } catch let interruption as Interrupted {
            Terminal.info(
                "interrupted while judging; every finished judgment is stored. Resume with: proctor eval --resume \(runIds[0]) --store \(storage.store)")
            throw ExitCode(interruption.exitCode)
        }
    }

    /// Judges what run `runId` (and the runs compared with it) still lacks, with `--judge` or the
    /// judge it was started with, and prints the comparison.
    func resumeJudging(_ runId: String, judge: JudgeSpecification, session: EvalSession) async throws {
        let runIds = judge.comparedRunIds.isEmpty ? [runId] : judge.comparedRunIds
        let name = judging.judge ?? judge.target
        let judgeTarget = try TargetOptions.resolve(
            name, modelName: judging.judgeModelName ?? (judging.judge == nil ? judge.modelName : nil),
            apiKeyEnv: judging.judgeApiKeyEnv ?? judge.apiKeyEnvironmentVariable, config: target.config)
        let judgeSession = JudgeSession(store: session.store)
        try await self.judge(runIds, target: judgeTarget, name: name, session: judgeSession)
        try await JudgePhase.report(runIds: runIds, session: judgeSession, json: output.json)
    }
}
