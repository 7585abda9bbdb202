import Foundation
public import ProctorCore
public import ProctorStore

/// Reads a run's resources from the store: the monitor recordings whose samples overlap the run,
/// its requests on the wall clock, and — for evaluations — its correct answers; the arithmetic is
/// ``ResourceSummary``'s.
public enum ResourceSummaryLoader {
    /// A run's summary with what it was computed from, for exports that need the samples too.
    public struct Loaded: Sendable {
        /// The summary.
        public var summary: ResourceSummary
        /// The samples of the recordings read.
        public var timeline: ResourceTimeline
        /// The first recording's specification (hardware, carbon intensity).
        public var recording: MonitorSpecification
        /// The run's window, Unix seconds.
        public var window: ClosedRange<Double>
    }

    /// The summary of `run`, or `nil` when no recording overlaps it (or it is a recording itself).
    public static func load(for run: Run, from database: ProctorDatabase) async throws -> ResourceSummary? {
        try await loadDetailed(for: run, from: database)?.summary
    }

    /// The summary of `run` with its samples, or `nil` when no recording overlaps it. A recording
    /// is summarised over its own samples.
    public static func loadDetailed(for run: Run, from database: ProctorDatabase) async throws -> Loaded? {
        switch run.specification {
        case .monitor(let specification):
            let timeline = ResourceTimeline(samples: try await database.resourceSamples(runId: run.id))
            guard let span = timeline.span else { return nil }
            let summary = ResourceSummary(
                requests: [], levels: [], window: span, timeline: timeline, monitorRunIds: [run.id], carbon: specification.carbon)
            return Loaded(summary: summary, timeline: timeline, recording: specification, window: span)
        case .finetune: return nil
        case .eval, .load:
            // Only a run that a recording overlaps is read further: most runs have none.
            let roughEnd = (run.finishedAt ?? Date()).addingTimeInterval(1)
            let recordings = try await database.monitorRuns(from: run.createdAt.addingTimeInterval(-1), to: roughEnd)
            guard !recordings.isEmpty else { return nil }
            let (requests, levels, correct) = try await timedRequests(of: run, from: database)
            guard let window = window(requests, run: run) else { return nil }
            return try await summary(
                run: run, recordings: recordings, requests: requests, levels: levels, window: window, correct: correct, database: database)
        }
    }

    /// The run's requests on the wall clock, its levels, and its correct answers when scored.
    private static func timedRequests(of run: Run, from database: ProctorDatabase) async throws -> (
        [ResourceSummary.TimedRequest], [ResourceSummary.TimedLevel], Int?
    ) {
        if run.kind == .eval {
            let results = try await database.results(runId: run.id)
            let requests = results.filter { !$0.isCached }.map { result in
                let start = result.startedAt.timeIntervalSince1970
                let seconds = result.timings?.endToEndLatency ?? result.e2el ?? 0
                return ResourceSummary.TimedRequest(
                    level: nil, start: start, end: start + seconds, outputTokens: result.completionTokens ?? 0,
                    succeeded: result.errorKind == nil)
            }
            let scored = results.contains { $0.correct != nil }
            return (requests, [], scored ? results.filter { $0.isFinal && $0.correct == true }.count : nil)
        }
        let levels = try await database.loadLevelRecords(runId: run.id)
        let starts = Dictionary(uniqueKeysWithValues: levels.map { ($0.level, $0.startedAt.timeIntervalSince1970) })
        let spans = try await database.loadRequestSpans(runId: run.id)
        let requests = spans.compactMap { span -> ResourceSummary.TimedRequest? in
            guard let start = starts[span.level] else { return nil }
            return ResourceSummary.TimedRequest(
                level: span.level, start: start + span.sent, end: start + span.ended, outputTokens: span.outputTokens,
                succeeded: span.succeeded)
        }
        let scored = spans.contains { $0.correct != nil }
        let timed = levels.map { ResourceSummary.TimedLevel(level: $0.reportLevel, start: $0.startedAt.timeIntervalSince1970) }
        return (requests, timed, scored ? spans.filter { $0.correct == true }.count : nil)
    }

    /// From the first request sent to the last one ended; the run's own times when it has none.
    private static func window(_ requests: [ResourceSummary.TimedRequest], run: Run) -> ClosedRange<Double>? {
        let start = requests.map(\.start).min() ?? run.createdAt.timeIntervalSince1970
        let end = requests.map(\.end).max() ?? (run.finishedAt ?? run.createdAt).timeIntervalSince1970
        return end > start ? start...end : nil
    }

    private static func summary(
        run: Run, recordings: [Run], requests: [ResourceSummary.TimedRequest], levels: [ResourceSummary.TimedLevel],
        window: ClosedRange<Double>, correct: Int?, database: ProctorDatabase
    ) async throws -> Loaded? {
        // The recording started for this run first, then others in order, skipping any that does not
        // reach into the run's window (the previous run's, found by the search's one-second margin)
        // and any whose time overlaps one already taken: two recordings of one machine must not count
        // its energy twice.
        let ordered = recordings.filter { $0.monitor?.attachedRunId == run.id } + recordings.filter { $0.monitor?.attachedRunId != run.id }
        var chosen: [(run: Run, span: ClosedRange<Double>)] = []
        var samples: [ResourceSample] = []
        for recording in ordered {
            let recorded = ResourceTimeline(samples: try await database.resourceSamples(runId: recording.id))
            guard let span = recorded.span, span.upperBound > window.lowerBound, span.lowerBound < window.upperBound,
                !chosen.contains(where: { $0.span.overlaps(span) })
            else { continue }
            chosen.append((recording, span))
            samples += recorded.samples
        }
        guard let first = chosen.first?.run.monitor else { return nil }
        let timeline = ResourceTimeline(samples: samples)
        let summary = ResourceSummary(
            requests: requests, levels: levels, window: window, timeline: timeline, monitorRunIds: chosen.map(\.run.id),
            carbon: first.carbon, correct: correct)
        return Loaded(summary: summary, timeline: timeline, recording: first, window: window)
    }
}
