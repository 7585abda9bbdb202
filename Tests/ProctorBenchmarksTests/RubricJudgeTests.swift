import Foundation
import ProctorBenchmarks
import ProctorCore
import Testing

/// Rubric and grade verdicts: the last JSON object with every criterion an integer 1–5, inspect's
/// last `GRADE:`, and MathChat's judged tasks built as the authors' scripts build them.
@Suite("Rubric judges and MathChat's judged tasks")
struct RubricJudgeTests {
    static let names = ["correctness", "completeness", "format"]

    @Test(
        "rubric verdicts: the last JSON object, every criterion an integer 1–5, else unscored",
        arguments: [
            (#"Good. {"correctness": 5, "completeness": 4, "format": 3, "reason": "ok"}"#, [5.0, 4, 3], "last JSON object"),
            // The last object wins over an earlier one, fences and prose ignored.
            ("Draft {\"correctness\": 1, \"completeness\": 1, \"format\": 1}\n```json\n{\"correctness\": 4, \"completeness\": 4, \"format\": 5}\n```", [4, 4, 5], "last JSON object"),
            // Numeric strings and integral floats count; a nested object inside the last one does not hide it.
            (#"{"correctness": "5", "completeness": 2.0, "format": 1, "detail": {"note": {"x": 1}}}"#, [5, 2, 1], "last JSON object"),
            (#"{"correctness": 6, "completeness": 4, "format": 3}"#, [], "criteria missing or out of range"),
            (#"{"correctness": 0, "completeness": 4, "format": 3}"#, [], "criteria missing or out of range"),
            (#"{"correctness": 4.5, "completeness": 4, "format": 3}"#, [], "criteria missing or out of range"),
            (#"{"correctness": 4, "completeness": 4}"#, [], "criteria missing or out of range"),
            (#"{"correctness": "good", "completeness": 4, "format": 3}"#, [], "criteria missing or out of range"),
            ("correctness: 5, completeness: 4, format: 5", [], "no JSON object"),
            ("", [], "no JSON object"),
        ] as [(String, [Double], String)])
    func rubric(text: String, scores: [Double], rule: String) {
        let parsed = JudgeOutputParser.criteria(in: text, names: Self.names)
        #expect(parsed.rule == rule)
        if scores.isEmpty {
            #expect(parsed.verdict == nil)
        } else {
            #expect(parsed.verdict == .criteria(zip(Self.names, scores).map { CriterionScore(name: $0, score: $1) }))
        }
    }

    @Test("the grade is the one inspect's regex reads, Unicode spaces and word characters included")
    func gradesMatchInspectsRegex() throws {
        let regex = try NSRegularExpression(pattern: #"(?is).*(?<!\w)GRADE(?!\w)\s*:\s*(\w*)"#)
        let inputs = [
            "GRADE: GRADE: C", "GRADE:\u{00A0}C", "GRADE\u{2028}:\u{3000}i", "GRADE: C\u{301}", "GRADE: C_", "GRADE: C\u{200D}",
            "GRADE:\u{0B}C", "grade :\tI.", "GRADE: C and GRADE: maybe", "GRADE:", "xGRADE: C", "GRADE١: C", "GRADE: ١",
            "Grade: c\nGRADE ! I", "GRADE: Ｃ", "GRADE:\u{85}C", "GRADE\u{1680}:C",
        ]
        for input in inputs {
            let match = regex.firstMatch(in: input, range: NSRange(location: 0, length: (input as NSString).length))
            let letters = match.flatMap { Range($0.range(at: 1), in: input) }.map { input[$0].uppercased() }
            let expected: JudgeVerdict? = letters == "C" ? .grade(correct: true) : letters == "I" ? .grade(correct: false) : nil
            #expect(JudgeOutputParser.grade(in: input).verdict == expected, "\(input.debugDescription)")
        }
    }

    @Test("a long output is read in linear time (46 KB without a grade took 50 s before, 15,000 GRADEs 5 s)")
    func longOutputsWithoutAGrade() {
        let text = String(repeating: "The answer looks fine. ", count: 4_000) + "GRADE: C"
        let started = ContinuousClock.now
        #expect(JudgeOutputParser.grade(in: text).verdict == .grade(correct: true))
        #expect(JudgeOutputParser.grade(in: String(text.dropLast(8))).verdict == nil)
        #expect(JudgeOutputParser.grade(in: String(repeating: "GRADE ", count: 15_000)).verdict == nil)
        // A gross bound, not a speed claim: quadratic time took minutes here; linear takes well
        // under a second alone, and CI's loaded cores once stretched it to 8 s.
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test("grades: the letter after the last GRADE:, C or I; anything else is no verdict")
    func grades() {
        #expect(JudgeOutputParser.grade(in: "Reasoning… GRADE: C").verdict == .grade(correct: true))
        #expect(JudgeOutputParser.grade(in: "First I thought GRADE: C, but no.\nGRADE: I").verdict == .grade(correct: false))
        #expect(JudgeOutputParser.grade(in: "grade: c").verdict == .grade(correct: true))
        #expect(JudgeOutputParser.grade(in: "GRADE: P").verdict == nil)
        #expect(JudgeOutputParser.grade(in: "UPGRADE: C").verdict == nil)
        #expect(JudgeOutputParser.grade(in: "no grade here").rule == "no grade")
        // The rightmost GRADE that the rest matches after, as inspect's greedy `.*` finds it.
        #expect(JudgeOutputParser.grade(in: "GRADE: GRADE: C").verdict == .grade(correct: true))
        #expect(JudgeOutputParser.grade(in: "GRADE: I and then GRADEs: C").verdict == .grade(correct: false))
        #expect(JudgeOutputParser.grade(in: "GRADE: C\nGRADE : p").verdict == nil)
        #expect(JudgeOutputParser.grade(in: "GRADE: C\nsome GRADE without colon").verdict == .grade(correct: true))
        #expect(JudgeOutputParser.grade(in: "_GRADE: C").verdict == nil)
    }

    @Test("error analysis: roles reversed, the problem as the assistant's turn and the wrong solution as the user's")
    func errorAnalysis() throws {
        let benchmark = try MathChatErrorAnalysis()
        let rows = try MathChatData.load(.errorAnalysis).rows
        #expect(benchmark.samples().count == rows.filter { $0.a.count == 2 }.count)
        #expect(benchmark.samples().count == 1221)
        let sample = try #require(benchmark.samples().first)
        let row = try #require(rows.first { $0.index == sample.index })
        #expect(sample.messages.map(\.role) == [.user, .assistant, .user])
        #expect(sample.messages[0].content == MathChatErrorAnalysis.opening)
        #expect(sample.messages[1].content == row.a[0])
        #expect(sample.messages[2].content == row.b[0])
        #expect(benchmark.defaultParameters.maxTokens == 500)
        let requests = try benchmark.judgeRequests(for: sample, answers: [1: "You added wrongly; it is 18."])
        #expect(requests.count == 1)
        #expect(requests[0].format == .criteria(["instruction_following", "error_diagnosis", "solution_accuracy"]))
        let prompt = requests[0].messages[0].content
        #expect(prompt.contains("User's Attempt (Wrong Solution): \(row.b[0])"))
        #expect(prompt.contains("Correct Solution: \(row.answer)"))
        #expect(prompt.contains("Model's Analysis and Correction: You added wrongly; it is 18."))
        #expect(try benchmark.judgeRequests(for: sample, answers: [:]).isEmpty)
    }

    @Test("problem generation: the instruction, the assistant's reply, the seed with its raw GSM8K solution")
    func problemGeneration() throws {
        let benchmark = try MathChatProblemGeneration()
        let sample = try #require(benchmark.samples().first)
        let row = try #require(try MathChatData.load(.problemGeneration).rows.first)
        #expect(sample.messages.map(\.content) == [
            MathChatProblemGeneration.instruction, "Understood, please give me the seed problem.",
            "Seed problem: " + row.question + " Solution: " + row.answer + "\n",
        ])
        #expect(row.answer.contains("<<") && row.answer.contains("####"))
        let requests = try benchmark.judgeRequests(for: sample, answers: [1: "New Problem: …"])
        #expect(requests.first?.messages.first?.content.contains("Reference (Example): \(row.text)") == true)
        #expect(requests.first?.format == .criteria(["instruction_following", "problem_quality", "solution_accuracy"]))
    }

    @Test("a JSONL task with judge:rubric asks the judge with question, context, reference and submission")
    func jsonlRubric() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rubric-\(UUID().uuidString).jsonl")
        try #"{"id": "q1", "q": "Capital of France?", "ctx": "Geography", "a": "Paris"}"#.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let task = try JSONLTask(
            JSONLTaskDefinition(path: file.path, promptField: "q", labelField: "a", system: nil, scorer: "judge:rubric", contextField: "ctx"))
        #expect(task.isJudged)
        #expect(task.extractorNames.isEmpty)
        let sample = try #require(task.samples().first)
        let request = try #require(try task.judgeRequests(for: sample, answers: [1: "It is Paris."]).first)
        #expect(request.messages[0].content == JudgeScorerPrompts.defaultRubric)
        #expect(request.messages[1].content.contains("[Question]: Capital of France?\n***\n[Context]: Geography\n***\n[Reference]: Paris\n***\n[Submission]: It is Paris."))
        let grade = try JSONLTask(
            JSONLTaskDefinition(path: file.path, promptField: "q", labelField: "a", system: nil, scorer: "judge:grade"))
        #expect(try grade.judgeRequests(for: sample, answers: [1: "Paris"]).first?.format == .grade)
        #expect(throws: (any Error).self) {
            try JSONLTask(JSONLTaskDefinition(path: file.path, promptField: "q", labelField: nil, system: nil, scorer: "judge:grade"))
        }
    }
}
