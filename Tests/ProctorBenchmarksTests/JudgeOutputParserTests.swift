import ProctorBenchmarks
import ProctorCore
import Testing

/// FastChat's rating and verdict rules (`common.py`): `[[n]]` first, then `[n]`, the number read
/// as `ast.literal_eval` reads it, else −1; pairwise `[[A]]`, `[[B]]`, `[[C]]` in that order.
@Suite("Judge output parsing (FastChat goldens)")
struct JudgeOutputParserTests {
    struct Golden: Sendable, CustomTestStringConvertible {
        var text: String
        var rating: Double?
        var rule: String
        var testDescription: String { text }
    }

    static let ratings: [Golden] = [
        Golden(text: "Rating: [[5]]", rating: 5, rule: "[[n]]"),
        Golden(text: "The answer is thorough. Rating: [[7.5]]", rating: 7.5, rule: "[[n]]"),
        Golden(text: "[[10]]", rating: 10, rule: "[[n]]"),
        // No range check, exactly as FastChat.
        Golden(text: "Rating: [[11]]", rating: 11, rule: "[[n]]"),
        Golden(text: "Rating: [[5.]]", rating: 5, rule: "[[n]]"),
        Golden(text: "Rating: [[05.5]]", rating: 5.5, rule: "[[n]]"),
        Golden(text: "Rating: [[0]]", rating: 0, rule: "[[n]]"),
        Golden(text: "Rating: [[00]]", rating: 0, rule: "[[n]]"),
        // The double-bracket pattern is searched over the whole text before the backup.
        Golden(text: "As noted in [3], the reply is weak. Rating: [[4]]", rating: 4, rule: "[[n]]"),
        // Several ratings: the first wins.
        Golden(text: "Turn one: [[4]]. Overall: [[9]]", rating: 4, rule: "[[n]]"),
        // The format echoed back is not a number; the real rating follows.
        Golden(text: "Format: \"[[rating]]\". Rating: [[6]]", rating: 6, rule: "[[n]]"),
        // The backup pattern takes a single-bracketed number, even a citation.
        Golden(text: "Rating: [8]", rating: 8, rule: "[n]"),
        Golden(text: "See reference [2] for details.", rating: 2, rule: "[n]"),
        Golden(text: "Rating: [[8]/10]", rating: 8, rule: "[n]"),
        // Malformed ratings: no match, FastChat's −1 (unscored).
        Golden(text: "Rating: [[ 8 ]]", rating: nil, rule: "no rating"),
        Golden(text: "Rating: 8/10", rating: nil, rule: "no rating"),
        Golden(text: "Rating: [[-3]]", rating: nil, rule: "no rating"),
        Golden(text: "Rating: [[eight]]", rating: nil, rule: "no rating"),
        Golden(text: "Rating: [[8.5.1]]", rating: nil, rule: "no rating"),
        Golden(text: "", rating: nil, rule: "no rating"),
        Golden(text: "$ERROR$", rating: nil, rule: "no rating"),
        // Python 3 cannot read an integer with leading zeros; FastChat's script stops there.
        Golden(text: "Rating: [[07]]", rating: nil, rule: "invalid number"),
        Golden(text: "Rating: [07]", rating: nil, rule: "invalid number"),
        // Only ASCII digits: FastChat's `\d` matches other digits, then `literal_eval` fails.
        Golden(text: "Rating: [[٥]]", rating: nil, rule: "no rating"),
    ]

    @Test("single ratings", arguments: ratings)
    func rating(_ golden: Golden) {
        let parsed = JudgeOutputParser.rating(in: golden.text)
        #expect(parsed.rating == golden.rating)
        #expect(parsed.rule == golden.rule)
    }

    @Test("pairwise verdicts: [[A]], then [[B]], then [[C]], anywhere in the text")
    func pairwise() {
        #expect(JudgeOutputParser.winner(in: "Assistant A is better. [[A]]").winner == .a)
        #expect(JudgeOutputParser.winner(in: "[[B]]").winner == .b)
        #expect(JudgeOutputParser.winner(in: "Equally good: [[C]]").winner == .tie)
        #expect(JudgeOutputParser.winner(in: "Equally good: [[C]]").rule == "[[C]]")
        // `[[A]]` is tested first, wherever it stands: a mention in the reasoning wins.
        #expect(JudgeOutputParser.winner(in: "Unlike [[A]] suggests, B is right: [[B]]").winner == .a)
        #expect(JudgeOutputParser.winner(in: "[[B]] and later [[C]]").winner == .b)
        for malformed in ["[A]", "[[a]]", "A is better", "[[ A ]]", ""] {
            let parsed = JudgeOutputParser.winner(in: malformed)
            #expect(parsed.winner == nil, "\(malformed)")
            #expect(parsed.rule == "no verdict")
        }
    }
}
