import Foundation
import ProctorCore
import Testing

@testable import ProctorBenchmarks

/// Random and hostile input: the comparer must always answer, quickly, and never crash.
@Suite("MATH equivalence on arbitrary input")
struct MathEquivalencePropertyTests {
    static func randomString(_ generator: inout SplitMix64, tokens: [String]) -> String {
        let length = Int(generator.next() % 40)
        return (0..<length).map { _ in tokens[Int(generator.next() % UInt64(tokens.count))] }.joined()
    }

    static let tokens: [String] =
        "0123456789+-*/^_{}()[]|!,.=$% xyzeia".map(String.init)
        + ["\\frac", "\\sqrt", "\\sqrt[", "\\pi", "\\left(", "\\right)", "\\cdot", "\\boxed{", "\\text{", "\\infty", "\\cup",
            "\\pm", "&", "\\\\", "\\begin{pmatrix}", "\\end{pmatrix}", "\\sin", "\\log_", "\\{", "\\}", "\\%", "99999999999", "^{99}"]

    @Test("2,000 random pairs each get a verdict within the bound")
    func randomPairs() {
        var generator = SplitMix64(seed: 42)
        let clock = ContinuousClock()
        var slowest = Duration.zero
        for _ in 0..<2_000 {
            let lhs = Self.randomString(&generator, tokens: Self.tokens)
            let rhs = Self.randomString(&generator, tokens: Self.tokens)
            let elapsed = clock.measure {
                _ = MathEquivalence.compare(MinervaNormalizer.comparable(lhs), MinervaNormalizer.comparable(rhs))
            }
            slowest = max(slowest, elapsed)
            // Equivalence is reflexive on whatever the comparer can read.
            #expect(MathEquivalence.compare(lhs, lhs).equivalent)
        }
        #expect(slowest < .milliseconds(200), "slowest comparison took \(slowest)")
    }

    @Test("hostile inputs: deep nesting, huge powers, long strings", arguments: [
        String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000),
        String(repeating: "{", count: 300) + "x" + String(repeating: "}", count: 300),
        "2^{2^{2^{2^{2^{2^{2^{2}}}}}}}",
        "10^{999999999}",
        "99999999999999999999999999999!",
        String(repeating: "1+", count: 3_000) + "1",
        String(repeating: "x", count: 500),
        "\\frac{1}{0}", "0^{-1}", "\\sqrt{-1}", "\\log_1 5", "(-8)^{1/3}", "\\sqrt[0]{2}",
        String(repeating: "1,", count: 400) + "1",
        "\\begin{pmatrix}" + String(repeating: "1&", count: 200) + "1\\end{pmatrix}",
    ])
    func hostile(input: String) {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = MathEquivalence.compare(input, "1")
            _ = MathEquivalence.compare("x", input)
            _ = MinervaNormalizer.normalize(input)
        }
        #expect(elapsed < .milliseconds(500))
    }
}
