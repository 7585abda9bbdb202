import Testing
import ProctorCore

@testable import ProctorBenchmarks

/// lm-eval `minerva_math` answer handling, checked against outputs of lm-eval's Python functions
/// (`normalize_final_answer`, `get_unnormalized_answer`) run on the same inputs.
@Suite("MATH extraction and normalisation")
struct MathNormalizationTests {
    static let normalizations: [(String, String)] = [
        ("x = 3", "3"),
        ("a = b = 5", "5"),
        ("an apple", "apple"),
        ("a cat", "cat"),
        ("5.$", "5"),
        ("\\$10", "10"),
        ("3\\ cm", "3"),
        ("1 000", "1000"),
        ("\\mbox{yes}", "yes"),
        ("1,\\text{and}2", "12"),
        ("3\\text{and}4", "34"),
        ("5\\text{m}", "5"),
        ("10 square feet", "10"),
        ("4 ways", "4"),
        ("12 inches", "12"),
        ("$\\frac{1}{2}$ and $3$", "\\frac{1}{2}"),
        ("The answer is $5$.", "5"),
        ("\\text{Evelyn}", "Evelyn"),
        ("\\textbf{bold}", "bold"),
        ("\\overline{AB}", "AB"),
        ("\\boxed{\\frac{1}{2}}", "\\frac{1}{2}"),
        ("\\frac12", "\\frac{1}{2}"),
        ("\\frac123", "\\frac{1}{2}3"),
        ("\\sqrt2", "\\sqrt{2}"),
        ("\\sqrt{2}", "\\sqrt{2}"),
        ("\\sqrt[3]{8}", "\\sqrt{[}3]{8}"),
        ("100,000", "100000"),
        ("1,2,3", "123"),
        ("1,000.5", "1,000.5"),
        ("30^\\circ", "30"),
        ("90^{\\circ}", "90"),
        ("1,\\!000", "1000"),
        ("10{,}000", "10000"),
        ("\"quoted\"", "quoted"),
        ("1,2,\\ldots", "12"),
        ("\\left( 3, \\frac{\\pi}{2} \\right)", "\\le(3,\\frac{\\pi}{2}\\right)"),
        ("12\\;", "12"),
        ("5\\mathrm{th}", "5"),
        ("\\text{(C)}", "(C)"),
        ("x^2\\text{}^2", "x^2"),
        ("\\$1,000", "1000"),
        ("\\dfrac{\\sqrt{3}}{2}", "\\dfrac{\\sqrt{3}}{2}"),
        ("2\\frac{1}{2}", "2\\frac{1}{2}"),
        ("١٢", "١٢"),
        ("", ""),
        ("\\text{a}\\text{b}", "ab"),
        ("first$x$ then $y$ end", "x"),
        ("line1\n$a$\n$b$", "line1\na\nb"),
        ("\\boxed{1}\\boxed{2}", "1}\\boxed{2"),
        ("sue", ""),
        ("3 students", "3"),
        ("\\fracab", "\\frac{a}{b}"),
        ("\\frac{a}b", "\\frac{a}b"),
        ("\\sqrtx+1", "\\sqrt{x}+1"),
        ("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", "\\begin{pmatrix}1\\2\\end{pmatrix}"),
    ]

    static let minervaExtractions: [(String, String?)] = [
        ("Final Answer: The final answer is $5$. I hope it is correct.", "$5$"),
        ("blah Final Answer: The final answer is 7", nil),
        ("Final Answer: The final answer is $\\frac{1}{2}$.", nil),
        ("no answer here", nil),
        ("Final Answer: The final answer is 3. I hope it is correct. Final Answer: The final answer is 4. I hope it is correct.", "3"),
        ("Final Answer: The final answer is\n$5$. I hope it is correct.", nil),
        ("Final Answer: The final answer is 10%", nil),
    ]

    @Test("normalize_final_answer matches lm-eval step for step", arguments: normalizations)
    func normalization(input: String, expected: String) {
        #expect(MinervaNormalizer.normalize(input) == expected)
    }

    @Test("the Minerva sentence is read as get_unnormalized_answer reads it", arguments: minervaExtractions)
    func minervaSentence(response: String, expected: String?) {
        #expect(MathAnswerExtractor.apply(.minerva, to: response) == expected)
    }

    @Test("the comparable form keeps equations, lists and matrix rows")
    func comparableForm() {
        #expect(MinervaNormalizer.comparable("x=1, x=2") == "x=1,x=2")
        #expect(MinervaNormalizer.comparable("1,2,3") == "1,2,3")
        #expect(MinervaNormalizer.comparable("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}") == "\\begin{pmatrix}1\\\\2\\end{pmatrix}")
        #expect(MinervaNormalizer.comparable("\\frac12") == "\\frac{1}{2}")
    }

    @Test("the last boxed answer: balanced braces, \\boxed x and \\fbox")
    func boxed() {
        #expect(BoxedAnswer.last(in: "so $\\boxed{\\frac{1}{2}}$.") == "\\frac{1}{2}")
        #expect(BoxedAnswer.last(in: "\\boxed{1} then \\boxed{\\left( 3, \\frac{\\pi}{2} \\right)}") == "\\left( 3, \\frac{\\pi}{2} \\right)")
        #expect(BoxedAnswer.last(in: "the answer is $\\boxed 5$.") == "5")
        #expect(BoxedAnswer.last(in: "\\fbox{42}") == "42")
        #expect(BoxedAnswer.last(in: "\\boxed{unclosed") == nil)
        #expect(BoxedAnswer.last(in: "no box") == nil)
        #expect(BoxedAnswer.last(in: "\\boxed{a{b}c}") == "a{b}c")
    }

    @Test("the flexible extractor falls back boxed → final answer → last $…$ and records the rule")
    func fallbackOrder() {
        let flexible = MathProtocol.flexible
        #expect(flexible.extract(from: "$x=1$ so \\boxed{2}. Final Answer: The final answer is $3$. I hope it is correct.")?.rule == .boxed)
        let sentence = flexible.extract(from: "$x=1$. Final Answer: The final answer is $3$. I hope it is correct.")
        #expect(sentence?.answer == "$3$")
        #expect(sentence?.rule == .finalAnswer)
        let loose = flexible.extract(from: "Work: $y$.\nThe final answer is: 12 apples.")
        #expect(loose?.answer == "12 apples")
        #expect(loose?.rule == .finalAnswer)
        let dollar = flexible.extract(from: "We get $x = 4$ and then $$y = \\frac{1}{2}$$ done")
        #expect(dollar?.answer == "y = \\frac{1}{2}")
        #expect(dollar?.rule == .lastDollar)
        #expect(flexible.extract(from: "I do not know.") == nil)
    }

    @Test("scoring records extraction rule, deciding rule and unscorable reasons")
    func scoring() {
        let extractors = MathProtocol.minerva.extractors
        let right = MathBenchmark.score(
            response: "So $\\boxed{0.5}$.\nFinal Answer: The final answer is $\\frac12$. I hope it is correct.",
            reference: "\\frac{1}{2}", extractors: extractors)
        #expect(right.outputs.map(\.correct) == [true, true])
        #expect(right.outputs[0].rule == "minerva")
        #expect(right.outputs[0].normalized == "\\frac{1}{2}")
        #expect(right.outputs[0].decidedBy == "string")
        #expect(right.outputs[1].rule == "boxed")
        #expect(right.outputs[1].decidedBy == "exact")
        let missing = MathBenchmark.score(response: "no idea", reference: "3", extractors: extractors)
        #expect(missing.outputs.allSatisfy { !$0.correct && $0.unscorable == UnscorableReason.noAnswer })
        let noReference = MathBenchmark.score(response: "\\boxed{3}", reference: "", extractors: extractors)
        #expect(noReference.outputs[1].unscorable == UnscorableReason.noReference)
    }
}
