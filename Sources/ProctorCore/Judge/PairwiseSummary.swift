/// FastChat's pairwise tally (`show_result.py`, pairwise mode) over runs compared in both
/// orders: a match counts only when both games have a verdict; an agreed winner gets a win and
/// the other a loss; a tie in game 1, or games that disagree (position bias), is a tie for both.
public struct PairwiseSummary: Codable, Sendable, Hashable {
    /// One run's record.
    public struct Record: Codable, Sendable, Hashable {
        /// The run.
        public var runId: String
        /// Matches won.
        public var wins: Int
        /// Matches lost.
        public var losses: Int
        /// Matches tied, inconsistent ones included.
        public var ties: Int
        /// `wins / (wins + losses + ties)`.
        public var winRate: Double
        /// `losses / (wins + losses + ties)`.
        public var lossRate: Double
        /// `(wins + 0.5 · ties) / (wins + losses + ties)`.
        public var adjustedWinRate: Double
    }

    /// Every run's record, best adjusted win rate first; in baseline mode the baseline is left out.
    public var records: [Record]
    /// Matches counted.
    public var matches: Int
    /// Of those, matches whose two games disagreed and so count as ties.
    public var inconsistent: Int
    /// Matches dropped because a game had no verdict (judge error or unreadable output).
    public var dropped: Int
    /// The baseline run, in baseline mode.
    public var baselineRunId: String?

    /// Tallies the pairwise `judgments` among `runIds`; with `baseline`, only its matches count.
    public init(runIds: [String], judgments: [Judgment], baseline: String? = nil) {
        struct MatchKey: Hashable {
            var first: String
            var second: String
            var sampleId: String
            var turn: Int
            var repeatIndex: Int
        }
        let included = Set(runIds)
        var games: [MatchKey: [Int: String?]] = [:]
        for judgment in judgments {
            guard let opponent = judgment.opponentRunId, included.contains(judgment.runId), included.contains(opponent)
            else { continue }
            if let baseline, judgment.runId != baseline, opponent != baseline { continue }
            let key = MatchKey(
                first: judgment.runId, second: opponent, sampleId: judgment.sampleId, turn: judgment.turn,
                repeatIndex: judgment.repeatIndex)
            games[key, default: [:]][judgment.game] = Self.winnerRun(of: judgment, first: judgment.runId, second: opponent)
        }
        var tally: [String: (wins: Int, losses: Int, ties: Int)] = [:]
        var matches = 0
        var inconsistent = 0
        var dropped = 0
        for (key, byGame) in games {
            guard case .some(.some(let g1)) = byGame[1], case .some(.some(let g2)) = byGame[2] else {
                dropped += 1
                continue
            }
            matches += 1
            if g1 == "tie" || g1 != g2 {
                if g1 != g2 { inconsistent += 1 }
                tally[key.first, default: (0, 0, 0)].ties += 1
                tally[key.second, default: (0, 0, 0)].ties += 1
            } else {
                let loser = g1 == key.first ? key.second : key.first
                tally[g1, default: (0, 0, 0)].wins += 1
                tally[loser, default: (0, 0, 0)].losses += 1
            }
        }
        records = runIds.filter { $0 != baseline }.map { runId in
            let record = tally[runId] ?? (0, 0, 0)
            let total = Double(max(record.wins + record.losses + record.ties, 1))
            return Record(
                runId: runId, wins: record.wins, losses: record.losses, ties: record.ties,
                winRate: Double(record.wins) / total, lossRate: Double(record.losses) / total,
                adjustedWinRate: (Double(record.wins) + 0.5 * Double(record.ties)) / total)
        }.sorted { $0.adjustedWinRate > $1.adjustedWinRate }
        self.matches = matches
        self.inconsistent = inconsistent
        self.dropped = dropped
        baselineRunId = baseline
    }

    /// The run that won game `judgment` (`"tie"` for a tie), or `nil` when it has no verdict. In
    /// game 1 `first` is assistant A; in game 2 the order is swapped.
    private static func winnerRun(of judgment: Judgment, first: String, second: String) -> String? {
        guard case .winner(let winner) = judgment.verdict else { return nil }
        switch (winner, judgment.game) {
        case (.tie, _): return "tie"
        case (.a, 1), (.b, 2): return first
        case (.b, _), (.a, _): return second
        }
    }
}
