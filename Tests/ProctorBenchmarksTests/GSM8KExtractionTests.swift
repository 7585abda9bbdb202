import ProctorBenchmarks
import Testing

/// Golden cases: each expected value is what lm-evaluation-harness's RegexFilter (Python `re`)
/// and exact_match give for the same input.
@Suite("GSM8K extraction and normalisation, as lm-eval does them")
struct GSM8KExtractionTests {
    let cotStrict = RegexExtractor(name: "strict-match", pattern: #"The answer is (\-?[0-9\.\,]+)."#, select: .first)
    let hashStrict = RegexExtractor(name: "strict-match", pattern: #"#### (\-?[0-9\.\,]+)"#, select: .first)
    let flexible = RegexExtractor(name: "flexible-extract", pattern: #"(-?[$0-9.,]{2,})|(-?[0-9]+)"#, select: .last)

    @Test("strict CoT: the final '.' is a wildcard", arguments: [
        ("So 6 trees. The answer is 18.", "18"),
        ("The answer is 18", "1"),  // trap: at end of text the wildcard eats the last digit
        ("The answer is 18\n", "1"),  // '.' does not match LF, as in Python
        ("The answer is 18\r\n", "18"),  // but it does match CR, as in Python
        ("The answer is 1,000.", "1,000"),
        ("The answer is -5.", "-5"),
        ("The answer is 3.5 dollars", "3.5"),
        ("The answer is 7. Then the answer is 9.", "7."),  // first match wins; greedy class keeps the "."
    ])
    func strictChainOfThought(response: String, expected: String) {
        #expect(cotStrict.extract(from: response) == expected)
    }

    @Test func strictFindsNothing() {
        #expect(cotStrict.extract(from: "I think it is 18") == nil)
        #expect(hashStrict.extract(from: "no hashes here") == nil)
    }

    @Test("strict #### takes the first match (lm-eval issue #3438)")
    func strictTakesFirstHash() {
        #expect(hashStrict.extract(from: "#### 3\nlater: #### 5") == "3")
        #expect(hashStrict.extract(from: "so\n#### 72.") == "72.")
    }

    @Test("flexible takes the last number-like token", arguments: [
        ("She has 5 apples and buys 12 more, so 17", "17"),
        ("It costs $29.00.", "$29.00."),
        ("... 5 apples... wait", "..."),  // trap: runs of punctuation match [$0-9.,]{2,}
        ("answer: -3", "-3"),
        ("7", "7"),  // a single digit only matches the second group
        ("x = 1,234", "1,234"),
    ])
    func flexibleExtract(response: String, expected: String) {
        #expect(flexible.extract(from: response) == expected)
    }

    @Test("exact_match normalisation removes , \\$ (?s).*####  \\.$ then lower-cases", arguments: [
        ("$29.00.", "29.00"),  // lm-eval issue #3214: not equal to "29"
        ("1,000", "1000"),
        ("72.", "72"),
        ("...", ".."),
        ("Step one.\n#### 72", "72"),
        ("$1,234.50", "1234.50"),
        ("ABC", "abc"),
        ("[invalid]", "[invalid]"),
    ])
    func normalise(input: String, expected: String) {
        #expect(ExactMatch.gsm8k.normalize(input) == expected)
    }

    @Test func dollarsAndPointsDoNotMatchIntegers() {
        #expect(!ExactMatch.gsm8k.matches("$29.00.", "29"))
        #expect(ExactMatch.gsm8k.matches("$29.", "29"))
        #expect(ExactMatch.gsm8k.matches("1,000", "Working...\n#### 1000"))
    }
}
