import Foundation
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

    @Test("(?s).*#### removes through the last '#### ', exactly as the regex does, in linear time")
    func throughTheLastMarker() throws {
        let inputs = [
            "a #### 1 #### 2", "####2", "x\n#### y\n#### z.", "#### ", "no marker", "#### #### 5", "é#### 3\u{301}", "",
            "#### 1\n", "1,000 #### $2.",
        ]
        let regexes = try [",", "\\$", "(?s).*#### ", "\\.$"].map { try NSRegularExpression(pattern: $0, options: [.useUnixLineSeparators]) }
        for input in inputs {
            var expected = input
            for regex in regexes {
                expected = regex.stringByReplacingMatches(
                    in: expected, range: NSRange(location: 0, length: (expected as NSString).length), withTemplate: "")
            }
            #expect(ExactMatch.gsm8k.normalize(input) == expected.lowercased(), "\(input.debugDescription)")
        }
        // A degenerate answer: 90,000 digits took minutes when the pattern ran as a regex, so
        // 200,000 would take far longer than this gross bound (linear: milliseconds alone).
        let started = ContinuousClock.now
        #expect(ExactMatch.gsm8k.normalize(String(repeating: "1", count: 200_000)).count == 200_000)
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test func dollarsAndPointsDoNotMatchIntegers() {
        #expect(!ExactMatch.gsm8k.matches("$29.00.", "29"))
        #expect(ExactMatch.gsm8k.matches("$29.", "29"))
        #expect(ExactMatch.gsm8k.matches("1,000", "Working...\n#### 1000"))
    }
}
