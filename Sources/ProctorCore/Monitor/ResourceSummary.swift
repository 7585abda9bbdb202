
/// A run's resources, energy and carbon, read from the monitor recordings that overlap it: the
/// totals, the energy shared among requests and idle, per load level the seed's correlation
/// table, and for evaluations the energy per correct answer. Every energy figure is labelled
/// measured or estimated.
public struct ResourceSummary: Codable, Sendable, Hashable {
    /// One load level's resources over its steady state.
    public struct Level: Codable, Sendable, Hashable {
        /// The level's position.
        public var level: Int
        /// Offered load.
        public var load: Double
        /// `users` or `req/s`.
        public var unit: String
        /// Seconds of steady state measured (the level's middle 80%: ramp-up and drain left out).
        public var steadySeconds: Double
        /// Machine CPU utilisation, 0–100.
        public var cpuPercent: Double?
        /// The watched processes' CPU use, in CPUs (1 = one core busy).
        public var processCPUs: Double?
        /// Machine memory in use, bytes.
        public var memoryUsedBytes: Double?
        /// The watched processes' resident memory, bytes.
        public var processRSSBytes: Double?
        /// Mean GPU utilisation over the GPUs, 0–100.
        public var gpuUtilizationPercent: Double?
        /// GPU memory in use over the GPUs, bytes.
        public var gpuMemoryUsedBytes: Double?
        /// Mean power, watts.
        public var watts: Double?
        /// Energy over the steady state, joules.
        public var joules: Double?
        /// Requests that completed in the steady state.
        public var completed: Int
        /// Their output tokens.
        public var outputTokens: Int
        /// Steady-state joules per completed request.
        public var joulesPerRequest: Double?
        /// Steady-state joules per output token.
        public var joulesPerOutputToken: Double?
        /// The level's requests' attributed energy (whole level, ramp and drain included), joules.
        public var requestJoules: Double
        /// The median request's attributed energy, joules.
        public var medianRequestJoules: Double?
        /// `measured`, `estimated` or `partly estimated`.
        public var energySource: String
    }

    /// The recordings read.
    public var monitorRunIds: [String]
    /// Seconds of the run's time that samples cover, and the run's seconds.
    public var coveredSeconds: Double
    /// The run's seconds (first request sent to last ended, or created to finished).
    public var runSeconds: Double
    /// Energy over the run's time, joules, by component (`cpu`, `gpu`, `ram`).
    public var joulesByComponent: [String: Double]
    /// Energy over the run's time, joules.
    public var totalJoules: Double
    /// The part of it used while requests were in flight, shared among them.
    public var requestJoules: Double
    /// The part used while none was in flight.
    public var idleJoules: Double
    /// `measured`, `estimated` or `partly estimated`.
    public var energySource: String
    /// Each source seen (`measured:rapl`, `estimated:codecarbon-cpu-load(process):TDP 8 W`), those
    /// that differ only in a sampled quantity as one entry with its range.
    public var sources: [String]
    /// The intensity carbon is computed with, and its source.
    public var carbon: CarbonIntensity
    /// g CO₂e of ``totalJoules``.
    public var carbonGrams: Double
    /// Per load level.
    public var levels: [Level]
    /// Correct answers (evaluations).
    public var correct: Int?
    /// Joules per correct answer (evaluations), from the run's total.
    public var joulesPerCorrect: Double?
    /// Requests (or eval turns) the energy was shared among.
    public var requests: Int
    /// Output tokens of the run's requests.
    public var outputTokens: Int
    /// Joules per output token over the run.
    public var joulesPerOutputToken: Double?
}

extension ResourceSummary {
    /// A request on the wall clock, for attribution.
    public struct TimedRequest: Sendable, Hashable {
        /// The load level, or `nil` for eval turns.
        public var level: Int?
        /// Sent, Unix seconds.
        public var start: Double
        /// Ended, Unix seconds.
        public var end: Double
        /// Output tokens (0 when failed or unknown).
        public var outputTokens: Int
        /// Whether it finished without error.
        public var succeeded: Bool

        /// Creates a request.
        public init(level: Int?, start: Double, end: Double, outputTokens: Int, succeeded: Bool) {
            self.level = level
            self.start = start
            self.end = end
            self.outputTokens = outputTokens
            self.succeeded = succeeded
        }
    }

    /// A load level on the wall clock.
    public struct TimedLevel: Sendable, Hashable {
        /// The level.
        public var level: LoadReport.Level
        /// When it started, Unix seconds.
        public var start: Double

        /// Creates a timed level.
        public init(level: LoadReport.Level, start: Double) {
            self.level = level
            self.start = start
        }
    }

    /// The summary of a run whose requests are `requests` (and levels `levels`, for load runs),
    /// from the samples of the recordings `monitorRunIds`.
    public init(
        requests: [TimedRequest], levels: [TimedLevel], window: ClosedRange<Double>, timeline: ResourceTimeline,
        monitorRunIds: [String], carbon: CarbonIntensity, correct: Int? = nil
    ) {
        let from = window.lowerBound
        let to = window.upperBound
        let clipped = timeline.intervals.compactMap { interval -> EnergyAttribution.Interval? in
            let start = max(interval.start, from)
            let end = min(interval.end, to)
            guard end > start, interval.end > interval.start else { return nil }
            return EnergyAttribution.Interval(start: start, end: end, joules: interval.joules * (end - start) / (interval.end - interval.start))
        }
        let shares = EnergyAttribution.share(clipped, among: requests.map { EnergyAttribution.Request(start: $0.start, end: $0.end) })
        self.monitorRunIds = monitorRunIds
        coveredSeconds = timeline.coveredSeconds(from: from, to: to)
        runSeconds = to - from
        joulesByComponent = Dictionary(uniqueKeysWithValues: ["cpu", "gpu", "ram"].compactMap { component in
            let joules = timeline.joules(of: component, from: from, to: to)
            return timeline.samples.contains { $0.energy.contains { $0.component == component } } ? (component, joules) : nil
        })
        totalJoules = shares.totalJoules
        idleJoules = shares.idleJoules
        requestJoules = shares.requestJoules.reduce(0, +)
        let seen = timeline.sources(from: from, to: to)
        energySource = EnergySource.combined(seen)
        sources = EnergySource.summarised(seen)
        self.carbon = carbon
        let total = shares.totalJoules
        carbonGrams = carbon.grams(joules: total)
        self.correct = correct
        joulesPerCorrect = correct.flatMap { $0 > 0 ? total / Double($0) : nil }
        self.requests = requests.count
        outputTokens = requests.reduce(0) { $0 + $1.outputTokens }
        joulesPerOutputToken = outputTokens > 0 ? totalJoules / Double(outputTokens) : nil

        var byLevel: [Int: [Double]] = [:]
        for (request, joules) in zip(requests, shares.requestJoules) {
            if let level = request.level { byLevel[level, default: []].append(joules) }
        }
        var summaries: [Level] = []
        for timed in levels {
            summaries.append(Self.level(timed, requests: requests, shares: byLevel[timed.level.level] ?? [], timeline: timeline))
        }
        self.levels = summaries
    }

    private static func level(_ timed: TimedLevel, requests: [TimedRequest], shares: [Double], timeline: ResourceTimeline) -> Level {
        let duration = timed.level.metrics.duration
        let from = timed.start + 0.1 * duration
        let to = timed.start + 0.9 * duration
        let covered = timeline.coveredSeconds(from: from, to: to)
        let inWindow = requests.filter { $0.level == timed.level.level && $0.succeeded && $0.end >= from && $0.end < to }
        let tokens = inWindow.reduce(0) { $0 + $1.outputTokens }
        let joules = covered > 0 ? timeline.joules(from: from, to: to) : nil
        let sorted = shares.sorted()
        return Level(
            level: timed.level.level, load: timed.level.load, unit: timed.level.unit, steadySeconds: covered,
            cpuPercent: timeline.mean(from: from, to: to) { $0.cpuPercent },
            processCPUs: timeline.mean(from: from, to: to) { sample in
                sample.processCPUSeconds.map { sample.duration > 0 ? $0 / sample.duration : 0 }
            },
            memoryUsedBytes: timeline.mean(from: from, to: to) { Double($0.memoryUsedBytes) },
            processRSSBytes: timeline.mean(from: from, to: to) { $0.processRSSBytes.map(Double.init) },
            gpuUtilizationPercent: timeline.mean(from: from, to: to) { $0.gpuUtilizationPercent },
            gpuMemoryUsedBytes: timeline.mean(from: from, to: to) { sample in
                let values = sample.gpus.compactMap(\.memoryUsedBytes)
                return values.isEmpty ? nil : Double(values.reduce(0, +))
            },
            watts: joules.map { $0 / max(covered, 1e-9) }, joules: joules, completed: inWindow.count, outputTokens: tokens,
            joulesPerRequest: joules.flatMap { inWindow.isEmpty ? nil : $0 / Double(inWindow.count) },
            joulesPerOutputToken: joules.flatMap { tokens > 0 ? $0 / Double(tokens) : nil },
            requestJoules: shares.reduce(0, +), medianRequestJoules: sorted.isEmpty ? nil : Statistics.percentile(sorted: sorted, 50),
            energySource: EnergySource.combined(timeline.sources(from: from, to: to)))
    }
}
