import ProctorCore

extension EvalComparison.ScoreComparison {
    /// Pairs two runs' single-answer judgments on `(sample, turn)`: each item's score is the mean
    /// over its repeated judgments (a rating, the mean of rubric criteria, or 1/0 for a grade);
    /// items are clustered by sample. `nil` when the runs share no judged item — pairwise
    /// judgments are already a comparison and are not paired again.
    init?(base: [Judgment], candidate: [Judgment], bootstrap: PairedBootstrap) {
        let a = Self.itemScores(base)
        let b = Self.itemScores(candidate)
        let keys = a.keys.filter { b[$0] != nil }.sorted { ($0.sample, $0.turn) < ($1.sample, $1.turn) }
        guard !keys.isEmpty else { return nil }
        let pairs = keys.map { (base: a[$0]!.score, candidate: b[$0]!.score) }
        let clusterKeys = keys.map(\.sample)
        difference = PairedDifference(pairs: pairs, clusterOf: clusterKeys)
        self.bootstrap = bootstrap.meanDifference(EvalComparison.clusters(pairs, keys: clusterKeys))
        var byCategory: [String: [(base: Double, candidate: Double)]] = [:]
        var categoryClusters: [String: [String]] = [:]
        for (index, key) in keys.enumerated() {
            let category = a[key]!.category
            byCategory[category, default: []].append(pairs[index])
            categoryClusters[category, default: []].append(key.sample)
        }
        var perCategory: [String: PairedDifference] = [:]
        for (category, values) in byCategory {
            perCategory[category] = PairedDifference(pairs: values, clusterOf: categoryClusters[category])
        }
        categories = perCategory
        label = Self.label(base.first?.verdict)
    }

    struct ItemKey: Hashable {
        var sample: String
        var turn: Int
    }

    static func itemScores(_ judgments: [Judgment]) -> [ItemKey: (score: Double, category: String)] {
        var sums: [ItemKey: (sum: Double, count: Int, category: String)] = [:]
        for judgment in judgments where judgment.opponentRunId == nil {
            guard let value = judgment.verdict.flatMap(score) else { continue }
            let key = ItemKey(sample: judgment.sampleId, turn: judgment.turn)
            let previous = sums[key] ?? (0, 0, judgment.category)
            sums[key] = (previous.sum + value, previous.count + 1, judgment.category)
        }
        return sums.mapValues { ($0.sum / Double($0.count), $0.category) }
    }

    static func score(_ verdict: JudgeVerdict) -> Double? {
        switch verdict {
        case .rating(let rating): rating
        case .criteria(let criteria): criteria.isEmpty ? nil : criteria.reduce(0) { $0 + $1.score } / Double(criteria.count)
        case .grade(let correct): correct ? 1 : 0
        case .winner: nil
        }
    }

    static func label(_ verdict: JudgeVerdict?) -> String {
        switch verdict {
        case .criteria: "rubric mean (1–5)"
        case .grade: "judge grade"
        default: "judge rating"
        }
    }
}
