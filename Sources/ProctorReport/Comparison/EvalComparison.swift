public import ProctorCore
public import ProctorStore

/// Two evaluation runs compared item by item: for each extractor the paired difference in
/// accuracy with its interval, McNemar's test with its 2×2 table, and the items that flipped;
/// for a judged run the paired difference of judge scores. Items are `(sample, turn)`; a
/// multi-turn run's items are clustered by sample, so its errors are not understated.
public struct EvalComparison: Codable, Sendable {
    /// An item one run got right and the other wrong.
    public struct FlippedItem: Codable, Sendable, Hashable {
        /// The sample.
        public var sampleId: String
        /// The turn.
        public var turn: Int
        /// `true` when the candidate lost it (base right, candidate wrong).
        public var regressed: Bool
        /// What the base's extractor read from its answer.
        public var baseExtracted: String?
        /// What the candidate's extractor read.
        public var candidateExtracted: String?
        /// The reference answer.
        public var reference: String
    }

    /// One extractor's comparison.
    public struct ExtractorComparison: Codable, Sendable {
        /// The extractor.
        public var name: String
        /// The base run's accuracy over the paired items.
        public var base: Proportion
        /// The candidate's accuracy over the paired items.
        public var candidate: Proportion
        /// Items both runs got right.
        public var bothRight: Int
        /// Items both got wrong.
        public var bothWrong: Int
        /// The discordant counts.
        public var mcnemar: McNemar
        /// The difference with its (clustered) paired standard error.
        public var difference: PairedDifference
        /// The seeded paired bootstrap of the difference.
        public var bootstrap: PairedBootstrap.Result?
        /// The p-value shown: McNemar (mid-p, exact or asymptotic) for independent items, the cluster
        /// bootstrap for clustered ones.
        public var p: Double
        /// The name of the test behind ``p``.
        public var test: String
        /// One-sided p that the candidate is worse, for regression gates.
        public var pWorse: Double
        /// Items that flipped, regressions first.
        public var flipped: [FlippedItem]
    }

    /// A judged benchmark's scores compared item by item.
    public struct ScoreComparison: Codable, Sendable {
        /// What the score is (`MT-bench rating`, `rubric mean`, `grade`).
        public var label: String
        /// The difference and its clustered error.
        public var difference: PairedDifference
        /// The cluster bootstrap of the difference.
        public var bootstrap: PairedBootstrap.Result?
        /// Per category (MT-bench's eight), the paired difference.
        public var categories: [String: PairedDifference]
    }

    /// Items both runs answered.
    public var paired: Int
    /// Items only one run has, or that failed in transport in either run (never scored).
    public var unmatched: Int
    /// Items dropped because a request failed, by run (`base`, `candidate`).
    public var failed: [String: Int]
    /// Whether items are clustered by sample (multi-turn runs).
    public var clustered: Bool
    /// Per extractor, primary first.
    public var extractors: [ExtractorComparison]
    /// Judge scores, for a judged run.
    public var scores: ScoreComparison?

    /// Compares `base` and `candidate` stored results (and judgments, for judged runs).
    /// `test` picks McNemar's variant (mid-p by default).
    public init(
        base: [SampleResultRecord], candidate: [SampleResultRecord], extractorNames: [String],
        baseJudgments: [Judgment] = [], candidateJudgments: [Judgment] = [],
        bootstrap: PairedBootstrap, test: McNemar.Variant = .midP
    ) {
        struct Key: Hashable { var sample: String; var turn: Int }
        var candidates: [Key: SampleResultRecord] = [:]
        for record in candidate { candidates[Key(sample: record.sampleId, turn: record.turn)] = record }
        var pairs: [(SampleResultRecord, SampleResultRecord)] = []
        var failedBase = 0
        var failedCandidate = 0
        var matched: Set<Key> = []
        for record in base {
            let key = Key(sample: record.sampleId, turn: record.turn)
            guard let other = candidates[key] else { continue }
            matched.insert(key)
            if record.errorKind != nil { failedBase += 1 }
            if other.errorKind != nil { failedCandidate += 1 }
            guard record.errorKind == nil, other.errorKind == nil else { continue }
            pairs.append((record, other))
        }
        paired = pairs.count
        unmatched = (base.count - matched.count) + (candidate.count - matched.count) + (matched.count - pairs.count)
        failed = ["base": failedBase, "candidate": failedCandidate]
        clustered = Set(pairs.map(\.0.turn)).count > 1
        let clusterKeys = clustered ? pairs.map(\.0.sampleId) : nil
        let isClustered = clustered
        extractors = extractorNames.compactMap { name in
            Self.compare(pairs, extractor: name, clusterKeys: clusterKeys, clustered: isClustered, bootstrap: bootstrap, variant: test)
        }
        scores = ScoreComparison(base: baseJudgments, candidate: candidateJudgments, bootstrap: bootstrap)
    }

    private static func compare(
        _ pairs: [(SampleResultRecord, SampleResultRecord)], extractor name: String, clusterKeys: [String]?, clustered: Bool,
        bootstrap: PairedBootstrap, variant: McNemar.Variant
    ) -> ExtractorComparison? {
        var scores: [(base: Double, candidate: Double)] = []
        var bothRight = 0
        var bothWrong = 0
        var baseOnly = 0
        var candidateOnly = 0
        var flipped: [FlippedItem] = []
        var seen = false
        for (a, b) in pairs {
            let x = a.extractions?.first { $0.name == name }
            let y = b.extractions?.first { $0.name == name }
            if x != nil || y != nil { seen = true }
            let right = (x?.correct ?? false, y?.correct ?? false)
            scores.append((right.0 ? 1 : 0, right.1 ? 1 : 0))
            switch right {
            case (true, true): bothRight += 1
            case (false, false): bothWrong += 1
            case (true, false):
                baseOnly += 1
                flipped.append(FlippedItem(sampleId: a.sampleId, turn: a.turn, regressed: true, baseExtracted: x?.extracted, candidateExtracted: y?.extracted, reference: a.reference))
            case (false, true):
                candidateOnly += 1
                flipped.append(FlippedItem(sampleId: a.sampleId, turn: a.turn, regressed: false, baseExtracted: x?.extracted, candidateExtracted: y?.extracted, reference: a.reference))
            }
        }
        guard seen else { return nil }
        let mcnemar = McNemar(baseOnly: baseOnly, candidateOnly: candidateOnly)
        let difference = PairedDifference(pairs: scores, clusterOf: clusterKeys)
        let clusters = Self.clusters(scores, keys: clusterKeys)
        let resampled = bootstrap.meanDifference(clusters)
        let p: Double
        let test: String
        if clustered, let resampled {
            p = resampled.p
            test = "cluster bootstrap"
        } else {
            p = mcnemar.p(variant)
            test = "McNemar \(variant.rawValue)"
        }
        return ExtractorComparison(
            name: name, base: Proportion(successes: bothRight + baseOnly, trials: scores.count),
            candidate: Proportion(successes: bothRight + candidateOnly, trials: scores.count), bothRight: bothRight,
            bothWrong: bothWrong, mcnemar: mcnemar, difference: difference, bootstrap: resampled, p: p, test: test,
            pWorse: mcnemar.candidateWorseP(variant),
            flipped: flipped.sorted { ($0.regressed ? 0 : 1, $0.sampleId) < ($1.regressed ? 0 : 1, $1.sampleId) })
    }

    /// Groups paired scores into bootstrap clusters: by key when given, else one item each.
    static func clusters(_ scores: [(base: Double, candidate: Double)], keys: [String]?) -> [[(base: Double, candidate: Double)]] {
        guard let keys else { return scores.map { [$0] } }
        var order: [String] = []
        var groups: [String: [(base: Double, candidate: Double)]] = [:]
        for (index, key) in keys.enumerated() {
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(scores[index])
        }
        return order.map { groups[$0] ?? [] }
    }
}
