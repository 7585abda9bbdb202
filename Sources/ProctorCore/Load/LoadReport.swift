/// The outcome of a load run: every level and the saturation point. Built from stored levels, so
/// a report, a dashboard or `runs show` draws it without running anything.
public struct LoadReport: Codable, Sendable, Hashable {
    /// One measured level.
    public struct Level: Codable, Sendable, Hashable {
        /// Position in the run.
        public var level: Int
        /// `closed`, `open`, `baseline`, `ceiling`, `sweep` or `jmeter`.
        public var phase: String
        /// The offered load.
        public var load: Double
        /// `users` or `req/s`.
        public var unit: String
        /// What was measured.
        public var metrics: LoadLevelMetrics

        /// Creates a level.
        public init(level: Int, phase: String, load: Double, unit: String, metrics: LoadLevelMetrics) {
            self.level = level
            self.phase = phase
            self.load = load
            self.unit = unit
            self.metrics = metrics
        }
    }

    /// The run's id.
    public var runId: String
    /// Every level, in the order run.
    public var levels: [Level]
    /// The saturation point among the levels of increasing load (the ceiling probe excluded).
    public var saturation: SaturationAnalysis
    /// The load at the saturation point, if one held.
    public var saturationLoad: Double?
    /// The highest request throughput measured at any level.
    public var peakThroughput: Double

    /// The report of `levels` judged by `criteria`; the sweep's ceiling probe is left out of the
    /// saturation analysis, since it is not part of the increasing sequence.
    public init(runId: String, levels: [Level], criteria: LoadCriteria) {
        self.runId = runId
        self.levels = levels
        let ordered = levels.filter { $0.phase != "ceiling" }
        saturation = Self.analyse(ordered, criteria: criteria)
        saturationLoad = saturation.saturationIndex.map { ordered[$0].load }
        peakThroughput = levels.map(\.metrics.requestThroughput).max() ?? 0
    }

    /// The saturation analysis of `levels`, in order, under `criteria`.
    public static func analyse(_ levels: [Level], criteria: LoadCriteria) -> SaturationAnalysis {
        SaturationAnalysis(
            levels: levels.map { SaturationAnalysis.Level(load: $0.load, metrics: $0.metrics) }, objectives: criteria.objectives,
            maxErrorRate: criteria.maxErrorRate, percentile: criteria.sloPercentile, unit: levels.first?.unit ?? "users")
    }
}
