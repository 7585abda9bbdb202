import Testing

@testable import ProctorBenchmarks

/// Golden equivalence pairs: each is compared in both directions after lm-eval's normalisation,
/// as the MATH benchmark does.
@Suite("MATH answer equivalence")
struct MathEquivalenceGoldenTests {
    struct Pair: CustomTestStringConvertible, Sendable {
        let lhs: String
        let rhs: String
        let equivalent: Bool
        var testDescription: String { "\(lhs) \(equivalent ? "≡" : "≢") \(rhs)" }
    }

    static func same(_ lhs: String, _ rhs: String) -> Pair { Pair(lhs: lhs, rhs: rhs, equivalent: true) }
    static func differ(_ lhs: String, _ rhs: String) -> Pair { Pair(lhs: lhs, rhs: rhs, equivalent: false) }

    static let pairs: [Pair] = [
        // The issue's hard cases.
        same(#"\frac12"#, "0.5"),
        same(#"\dfrac{\sqrt{3}}{2}"#, #"\frac{\sqrt3}{2}"#),
        same(#"(3, \frac{\pi}{2})"#, #"\left( 3, \frac{\pi}{2} \right)"#),
        same(#"10\%"#, "10"),
        same(#"x \in [2,5)"#, "[2,5)"),
        same(#"2\sqrt{2}"#, #"\sqrt{8}"#),
        same(#"1,\!000"#, "1000"),
        same(#"\text{(C)}"#, "C"),
        differ("(1,2)", "(2,1)"),
        differ("[2,5)", "(2,5]"),
        // Integers and decimals.
        same("5", "5.0"), same("5", "5.00"), same("-3", "-3.0"), same("0.5", ".5"), same("12", "012"),
        same("1000000", "1,000,000"), same("1,234.5", "1234.5"), same("-7", "-7.0"),
        differ("5", "6"), differ("0.33", #"\frac13"#), differ("3.14", #"\pi"#), differ("100", "1000"),
        differ("0.5", "5"), differ("-2", "2"), differ("1.5", "15"),
        // Fractions.
        same(#"\frac{1}{2}"#, #"\frac{2}{4}"#), same(#"\frac{3}{4}"#, "0.75"), same(#"\tfrac{1}{3}"#, #"\frac{1}{3}"#),
        same(#"-\frac{2}{3}"#, #"\frac{-2}{3}"#), same(#"\frac{-2}{3}"#, #"-\dfrac{2}{3}"#), same("3/4", #"\frac34"#),
        same(#"\frac{14}{3}"#, #"4\frac{2}{3}"#), same(#"2\frac{1}{2}"#, "2.5"), same(#"\frac{10}{4}"#, #"\frac52"#),
        differ(#"\frac{1}{2}"#, #"\frac{1}{3}"#), differ(#"\frac{2}{3}"#, #"\frac{3}{2}"#), differ(#"-\frac12"#, #"\frac12"#),
        // Percentages and scientific notation.
        same(#"50\%"#, "0.5"), same("25%", "25"), same(#"12.5\%"#, #"\frac{1}{8}"#), differ(#"50\%"#, "0.4"),
        same("1.5e3", "1500"), same("2E-2", "0.02"), same(#"1.5\times10^{3}"#, "1500"), same(#"3\cdot 10^2"#, "300"),
        differ("1e3", "100"),
        // Roots and powers.
        same(#"\sqrt{12}"#, #"2\sqrt{3}"#), same(#"\sqrt{2}/2"#, #"\frac{1}{\sqrt{2}}"#), same(#"\sqrt[3]{8}"#, "2"),
        same(#"\sqrt[3]{-27}"#, "-3"), same("2^{10}", "1024"), same("2^3", "8"), same(#"4^{\frac12}"#, "2"),
        same(#"\sqrt{50}"#, #"5\sqrt2"#), same(#"3\sqrt{2}+\sqrt{8}"#, #"5\sqrt{2}"#), same(#"\frac{\sqrt{6}}{3}"#, #"\sqrt{\frac{2}{3}}"#),
        differ(#"\sqrt{2}"#, "1.414"), differ(#"2\sqrt{3}"#, #"3\sqrt{2}"#), differ(#"\sqrt[3]{2}"#, #"\sqrt{2}"#),
        differ("2^{10}", "1000"),
        // Constants and i.
        same(#"2\pi"#, #"\pi\cdot2"#), same(#"\frac{\pi}{2}"#, #"0.5\pi"#), same(#"\pi r^2"#, #"r^2\pi"#),
        same("3+4i", "4i+3"), same("i^2", "-1"), same(#"\frac{1}{i}"#, "-i"), same("(1+i)^2", "2i"),
        same("e^0", "1"), same(#"\ln(e^2)"#, "2"), differ("3+4i", "3-4i"), differ(#"2\pi"#, #"\pi"#), differ("e", "2.718"),
        // Trigonometry and logarithms.
        same(#"\sin(\frac{\pi}{6})"#, #"\frac12"#), same(#"\cos 0"#, "1"), same(#"\tan\frac{\pi}{4}"#, "1"),
        same(#"\log_2 8"#, "3"), same(#"\log_{10}1000"#, "3"), same(#"\sin^2x+\cos^2x"#, "1"),
        differ(#"\sin x"#, #"\cos x"#),
        // Algebraic expressions with variables.
        same("x+1", "1+x"), same("2x", "x+x"), same("(x+1)^2", "x^2+2x+1"), same("x^2-1", "(x-1)(x+1)"),
        same(#"\frac{x}{2}"#, "0.5x"), same("a(b+c)", "ab+ac"), same(#"\frac{x^2-1}{x-1}"#, "x+1"),
        same("2x^2+3x-5", "(2x+5)(x-1)"), same(#"\sqrt{x^2}"#, "x"), same("3xy", "3yx"), same("y_1+y_2", "y_2+y_1"),
        same(#"\theta+1"#, #"1+\theta"#), same("-x", "-1x"), same("x^3", "x\\cdot x\\cdot x"),
        differ("x+1", "x-1"), differ("x^2", "2x"), differ("x+y", "x+z"), differ("2x", "x"), differ("xy", "x+y"),
        differ("(x+1)^2", "x^2+1"), differ("a-b", "b-a"),
        // Equations.
        same("x=3", "3"), same("y = 2x+3", "2x+3"), same("k=5", "5"), differ("x=3", "4"), same("x=-2", "-2"),
        // Tuples, points, vectors and intervals.
        same("(1,2)", "(1, 2)"), same(#"\left(1,2\right)"#, "(1,2)"), same(#"(\frac12, 3)"#, "(0.5,3)"),
        same("(1,2,3)", "(1.0,2,3)"), same("[1,3]", "[1, 3]"), same(#"(-\infty, 2)"#, #"(-\infty,2)"#),
        same(#"(-\infty,0)\cup(1,\infty)"#, #"(1,\infty)\cup(-\infty,0)"#), same(#"[-2,\frac{1}{2}]"#, "[-2,0.5]"),
        same(#"(2\sqrt{2}, \pi)"#, #"(\sqrt{8}, \pi)"#),
        differ("(1,2)", "(1,3)"), differ("(1,2)", "[1,2]"), differ("[1,2)", "[1,2]"), differ("(1,2,3)", "(1,2)"),
        differ(#"(-\infty,2)"#, #"(-\infty,3)"#), differ(#"(-\infty,2)"#, #"(2,\infty)"#), differ("(0,1]", "[0,1)"),
        differ(#"(3, \frac{\pi}{2})"#, #"(\frac{\pi}{2}, 3)"#),
        // Unordered lists and sets.
        same("1, -2", "-2, 1"), same("1,2,3", "3,2,1"), same(#"\{1,2\}"#, #"\{2,1\}"#), same("-1,1", "1, -1"),
        same(#"\frac12, 2"#, "2, 0.5"), same(#"1\pm\sqrt{2}"#, #"1+\sqrt{2}, 1-\sqrt{2}"#),
        same(#"2 \text{ and } 3"#, "2, 3"), same(#"x=1, x=2"#, "1,2"),
        differ("1, 2", "1, 3"), differ("1,2", "1,2,3"), differ("1,1,2", "1,2,2"), differ(#"\{1,2\}"#, #"\{1,3\}"#),
        // Matrices.
        same(#"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}"#, #"\begin{pmatrix}1&2\\3&4\end{pmatrix}"#),
        same(#"\begin{pmatrix} \frac12 \\ 2 \end{pmatrix}"#, #"\begin{pmatrix} 0.5 \\ 2 \end{pmatrix}"#),
        same(#"\begin{bmatrix} 2\sqrt2 & 0 \end{bmatrix}"#, #"\begin{bmatrix} \sqrt8 & 0 \end{bmatrix}"#),
        differ(#"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}"#, #"\begin{pmatrix} 1 & 3 \\ 2 & 4 \end{pmatrix}"#),
        differ(#"\begin{pmatrix} 1 \\ 2 \end{pmatrix}"#, #"\begin{pmatrix} 1 & 2 \end{pmatrix}"#),
        // Text answers.
        same(#"\text{Evelyn}"#, "Evelyn"), same(#"\text{odd}"#, "Odd"), same("(A)", "A"), same(#"\textbf{(B)}"#, "B"),
        same(#"\text{Monday}"#, #"\text{monday}"#), differ(#"\text{(C)}"#, "D"), differ(#"\text{odd}"#, #"\text{even}"#),
        differ("A", "B"),
        // Units, degrees and dollars that lm-eval's normalisation removes.
        same(#"30^\circ"#, "30"), same(#"\$5.00"#, "5"), same(#"12\text{ inches}"#, "12"), same(#"5\text{ cm}^2"#, "5"),
        same(#"90^{\circ}"#, "90"), same(#"\$1,000"#, "1000"), same(#"4\text{ ways}"#, "4"),
        differ(#"30^\circ"#, "60"),
        // Boxed and dollars that survive extraction.
        same(#"\boxed{7}"#, "7"), same("$7$", "7"), same(#"\boxed{\frac{1}{4}}"#, "0.25"),
        // Factorials and absolute values.
        same("5!", "120"), same("|-3|", "3"), same(#"\frac{6!}{4!}"#, "30"), differ("4!", "20"),
        // Things that must never match.
        differ("", "1"), differ("[invalidanswer]", "1"), differ(#"\frac{1}{0}"#, "1"), differ("x", "1"),
        differ("2", "2x"), differ(#"\infty"#, #"-\infty"#), differ("12", "1,2"),
        // Values past double range are not "both infinite".
        differ("2^{2005}", "3^{2005}"), same("2^{2005}", "2^{2005}"), same(#"-\infty"#, #"-\infty"#),
        // Binomial coefficients.
        same(#"\binom{5}{2}"#, "10"), same(#"\dbinom{6}{3}"#, "20"), same(#"\tbinom{10}{0}"#, "1"),
        same(#"\binom{7}{2}"#, #"\binom{7}{5}"#), same(#"\frac{\binom{4}{2}}{2}"#, "3"), same(#"\binom{n}{1}"#, "n"),
        differ(#"\binom{5}{2}"#, "20"), differ(#"\binom{5}{2}"#, #"\frac{5}{2}"#), differ(#"\dbinom{6}{3}"#, #"\binom{6}{2}"#),
        // Repeating decimals (lm-eval's normalisation unwraps the bar, so 0.\overline{3} must not become 0.3).
        same(#"0.\overline{3}"#, #"\frac{1}{3}"#), same(#"0.1\overline{6}"#, #"\frac16"#), same(#"1.\overline{27}"#, #"\frac{14}{11}"#),
        same(#"0.\overline{9}"#, "1"), same(#"-0.\overline{6}"#, #"-\frac23"#), same(#"0.\bar{3}"#, #"\frac13"#),
        differ(#"0.\overline{3}"#, "0.3"), differ(#"0.\overline{3}"#, "0.33"), differ(#"0.1\overline{6}"#, "0.16"),
        differ(#"1.\overline{27}"#, "1.27"),
        // The imaginary unit as the principal square root of −1 (and real odd roots of negatives).
        same(#"\sqrt{-1}"#, "i"), same(#"2\sqrt{-1}"#, "2i"), same(#"-\sqrt{-1}"#, "-i"), same(#"\sqrt{-4}"#, "2i"),
        same(#"3+\sqrt{-16}"#, "3+4i"), same(#"\sqrt[3]{-8}"#, "-2"), same(#"(-1)^{\frac12}"#, "i"),
        differ("i", #"-\sqrt{-1}"#), differ(#"\sqrt{-1}"#, "-i"), differ(#"2i"#, #"-2\sqrt{-1}"#),
        differ(#"\sqrt{-4}"#, "2"), differ(#"\sqrt[3]{-8}"#, "2"), differ(#"\sqrt{-1}"#, "1"),
        // Mixed numbers written with a space.
        same("3 1/2", "7/2"), same("3 1/2", "3.5"), same("-2 3/4", #"-\frac{11}{4}"#), same("1 1/3", #"1\frac13"#),
        differ("3 1/2", "31/2"), differ("3 1/2", #"\frac{3}{2}"#), differ("2 3/4", "2.34"),
    ]

    @Test("golden pairs", arguments: pairs)
    func golden(pair: Pair) {
        let lhs = MinervaNormalizer.comparable(pair.lhs)
        let rhs = MinervaNormalizer.comparable(pair.rhs)
        #expect(MathEquivalence.compare(lhs, rhs).equivalent == pair.equivalent, "\(lhs) vs \(rhs)")
        #expect(MathEquivalence.compare(rhs, lhs).equivalent == pair.equivalent, "\(rhs) vs \(lhs)")
    }

    @Test("there are at least 150 golden pairs, with both outcomes")
    func coverage() {
        #expect(Self.pairs.count >= 150)
        #expect(Self.pairs.filter { !$0.equivalent }.count >= 40)
    }

    @Test("the deciding rule is recorded")
    func rules() {
        #expect(MathEquivalence.compare("\\frac{1}{2}", "0.5").rule == "exact")
        #expect(MathEquivalence.compare("2\\sqrt{2}", "\\sqrt{8}").rule == "numeric")
        #expect(MathEquivalence.compare("x^2-1", "(x-1)(x+1)").rule == "random-points")
        #expect(MathEquivalence.compare("[2,5)", "(2,5]").rule == "interval")
        #expect(MathEquivalence.compare("(1,2)", "(2,1)").rule == "tuple")
        #expect(MathEquivalence.compare("1,-2", "-2,1").rule == "set")
        #expect(MathEquivalence.compare("10\\%", "10").rule == "percent")
        #expect(MathEquivalence.compare("x=3", "3").rule == "equation")
        #expect(MathEquivalence.compare("\\text{(C)}", "C").rule == "text")
        #expect(MathEquivalence.compare("7", "7").rule == "string")
        #expect(MathEquivalence.compare("\\begin{pmatrix}1\\\\2\\end{pmatrix}", "\\begin{pmatrix}1\\\\3\\end{pmatrix}").rule == "matrix")
    }
}
