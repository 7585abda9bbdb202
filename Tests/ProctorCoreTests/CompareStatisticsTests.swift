import Foundation
import ProctorCore
import Testing

@Suite("McNemar's test")
struct McNemarTests {
    /// b = 3, c = 12: exact two-sided p = 2·(1 + 15 + 105 + 455)/2¹⁵, mid-p subtracts C(15,3)/2¹⁵.
    @Test func handComputedExactAndMidP() {
        let test = McNemar(baseOnly: 3, candidateOnly: 12)
        #expect(abs(test.exactP - 2 * 576 / 32768) < 1e-12)
        #expect(abs(test.midP - (2 * 576 - 455) / 32768) < 1e-12)
        // The candidate is better here, so the "candidate worse" one-sided p is near 1.
        #expect(test.candidateWorseMidP > 0.98)
        #expect(abs(McNemar(baseOnly: 12, candidateOnly: 3).candidateWorseExactP - 576.0 / 32768) < 1e-12)
    }

    /// With b = c the exact p caps at 1 and mid-p is 1 − ½·C(10,5)/2¹⁰ (the R code of
    /// contingencytables' McNemar_midP_test_paired_2x2).
    @Test func balancedDiscordance() {
        let test = McNemar(baseOnly: 5, candidateOnly: 5)
        #expect(test.exactP == 1)
        #expect(abs(test.midP - (1 - 0.5 * 252 / 1024)) < 1e-12)
    }

    /// χ² = (|10 − 25| − 1)²/35 = 5.6 on one degree of freedom: p = erfc(√2.8) = 0.0179605 (R: pchisq(5.6, 1, lower = FALSE)).
    @Test func asymptoticWithContinuityCorrection() {
        #expect(abs(McNemar(baseOnly: 10, candidateOnly: 25).asymptoticP - 0.0179605) < 1e-6)
    }

    /// Agresti, Categorical Data Analysis (2002), table 10.1 — presidential approval in two
    /// surveys, 150 approve → disapprove against 86 the other way: with the continuity correction
    /// χ² = 63²/236 = 16.82, p = 4.1·10⁻⁵ (R: mcnemar.test(matrix(c(794, 86, 150, 570), 2))).
    @Test func publishedExample() {
        let test = McNemar(baseOnly: 150, candidateOnly: 86)
        #expect(abs(test.asymptoticP - 4.1145622813e-5) < 1e-12)
        #expect(test.exactP < 1e-4 && test.midP < test.exactP)
    }

    @Test func noDiscordantItemsMeansNoEvidence() {
        let test = McNemar(baseOnly: 0, candidateOnly: 0)
        #expect(test.exactP == 1 && test.midP == 1 && test.asymptoticP == 1 && test.candidateWorseMidP == 1)
    }

    /// 5,000 discordant MATH items: the log-space sums neither underflow nor lose the answer,
    /// which the normal approximation puts near 0.0047 for 2,400 against 2,600.
    @Test func largeCountsDoNotUnderflow() {
        let test = McNemar(baseOnly: 2400, candidateOnly: 2600)
        #expect(test.exactP > 0.003 && test.exactP < 0.007)
        #expect(test.midP > 0.003 && test.midP < test.exactP)
        #expect(abs(test.exactP - test.asymptoticP) < 0.001)
    }
}

@Suite("Paired differences and their errors")
struct PairedDifferenceTests {
    /// d = (0, 1, −1, −1): d̄ = −0.25, SE = √(2.75 / (4·3)); the binary formula
    /// √(b + c − (c − b)²/n)/n differs only by the n against n − 1 denominator.
    @Test func pairedStandardError() {
        let difference = PairedDifference(pairs: [(1, 1), (0, 1), (1, 0), (1, 0)])
        #expect(difference.delta == -0.25)
        #expect(abs(difference.standardError - (2.75 / 12).squareRoot()) < 1e-12)
        let binary = (3 - 1.0 / 4).squareRoot() / 4
        #expect(abs(difference.standardError - binary * (4.0 / 3).squareRoot()) < 1e-12)
        #expect(abs(difference.minimumDetectableEffect - 2.8015852 * difference.standardError) < 1e-6)
    }

    /// Clusters with sums of centred differences 2, −2 and 0: SE = √(3/2 · 8)/6.
    @Test func clusteredStandardError() {
        let pairs: [(base: Double, candidate: Double)] = [(0, 1), (0, 1), (1, 0), (1, 0), (1, 1), (0, 0)]
        let difference = PairedDifference(pairs: pairs, clusterOf: ["x", "x", "y", "y", "z", "z"])
        #expect(difference.clusters == 3)
        #expect(abs(difference.standardError - (1.5 * 8).squareRoot() / 6) < 1e-12)
    }

    @Test func correlationOfIdenticalRunsIsOne() {
        let difference = PairedDifference(pairs: [(1, 1), (0, 0), (1, 1), (0, 0)])
        #expect(abs(difference.correlation - 1) < 1e-12)
        #expect(difference.standardError == 0)
    }
}

@Suite("Paired bootstrap")
struct PairedBootstrapTests {
    private static let items: [[(base: Double, candidate: Double)]] = (0..<200).map { index in
        [(index % 3 == 0 ? 1 : 0, index % 2 == 0 ? 1 : 0)]
    }

    @Test func sameSeedSameInterval() throws {
        let a = try #require(PairedBootstrap(iterations: 2000, seed: 7).meanDifference(Self.items))
        let b = try #require(PairedBootstrap(iterations: 2000, seed: 7).meanDifference(Self.items))
        let c = try #require(PairedBootstrap(iterations: 2000, seed: 8).meanDifference(Self.items))
        #expect(a == b)
        #expect(a.interval != c.interval)
        #expect(a.interval.contains(a.delta))
        #expect(a.seed == 7 && a.iterations == 2000)
    }

    /// The interval of a difference that is truly zero straddles zero and p is large; a large
    /// shift gives p at its floor 1/(B + 1).
    @Test func pValueFollowsTheEvidence() throws {
        let none = (0..<100).map { [(base: Double($0 % 2), candidate: Double($0 % 2))] }
        let same = try #require(PairedBootstrap(iterations: 999, seed: 1).meanDifference(none))
        #expect(same.delta == 0 && same.p == 1)
        let better = (0..<100).map { [(base: 0.0, candidate: $0 % 10 == 0 ? 0.0 : 1.0)] }
        let shifted = try #require(PairedBootstrap(iterations: 999, seed: 1).meanDifference(better))
        #expect(shifted.p == 1.0 / 1000)
        #expect(shifted.interval.lowerBound > 0.8)
    }

    /// Resampling clusters keeps a question's turns together: a clustered interval is wider
    /// than one that treats perfectly correlated turns as independent.
    @Test func clustersWidenTheInterval() throws {
        let questions = (0..<60).map { index -> [(base: Double, candidate: Double)] in
            let value: Double = index % 2 == 0 ? 1 : 0
            return [(0, value), (0, value)]
        }
        let clustered = try #require(PairedBootstrap(iterations: 4000, seed: 3).meanDifference(questions))
        let flat = try #require(PairedBootstrap(iterations: 4000, seed: 3).meanDifference(questions.flatMap { $0.map { [$0] } }))
        let width = { (result: PairedBootstrap.Result) in result.interval.upperBound - result.interval.lowerBound }
        #expect(width(clustered) > width(flat) * 1.2)
    }

    /// An empty cluster beside a two-item one totals as many items as clusters; it must not take
    /// the one-item-per-cluster path, which counted a draw of two empty clusters as two zeros.
    @Test func emptyClustersAreNotSingleItems() throws {
        let result = try #require(PairedBootstrap(iterations: 500, seed: 4).meanDifference([[], [(0, 1), (0, 1)]]))
        #expect(result.interval == 1...1)
        #expect(Bootstrap.pooledMeanInterval([[], [3, 3]], resamples: 200, seed: 1) == 3...3)
    }

    @Test func independentSamplesDifference() throws {
        let base = (0..<300).map { Double($0 % 100) / 1000 }
        let slower = base.map { $0 + 0.05 }
        let result = try #require(
            PairedBootstrap(iterations: 500, seed: 2).difference(base: base, candidate: slower) {
                Statistics.percentile(sorted: $0.sorted(), 90)
            })
        #expect(abs(result.delta - 0.05) < 1e-9)
        #expect(result.interval.contains(0.05))
        #expect(result.p < 0.01)
        #expect(PairedBootstrap(iterations: 10, seed: 1).difference(base: [], candidate: [1]) { $0[0] } == nil)
    }
}

@Suite("Holm–Bonferroni")
struct HolmTests {
    /// Sorted 0.005, 0.01, 0.03, 0.04 → ×4, ×3, ×2, ×1 → 0.02, 0.03, 0.06, max(0.04, 0.06).
    @Test func adjustsInOriginalOrder() {
        let adjusted = Holm.adjust([0.01, 0.04, 0.03, 0.005])
        let expected = [0.03, 0.06, 0.06, 0.02]
        for (value, wanted) in zip(adjusted, expected) { #expect(abs(value - wanted) < 1e-12) }
        #expect(Holm.adjust([0.9, 0.8]) == [1, 1])
        #expect(Holm.adjust([]) == [])
    }
}
