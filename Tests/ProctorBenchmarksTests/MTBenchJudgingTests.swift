import Foundation
import ProctorBenchmarks
import ProctorCore
import Testing

/// FastChat's judge requests for MT-bench: the eight bundled prompts verbatim, filled as
/// `str.format` fills them, with GPT-4's reference answers for math, reasoning and coding only.
@Suite("MT-bench judge prompts")
struct MTBenchJudgingTests {
    let judging: MTBenchJudging
    let questions: [MTBenchQuestion]

    init() throws {
        judging = MTBenchJudging(prompts: try JudgePromptSet.fastChat())
        questions = try MTBenchDataset.load().questions
    }

    @Test("the bundled data: 80 questions, ten per category, ids 81–160, references for the three categories")
    func dataset() {
        #expect(questions.count == 80)
        #expect(questions.map(\.id) == Array(81...160))
        for category in MTBenchDataset.categories {
            #expect(questions.filter { $0.category == category }.count == 10, "\(category)")
        }
        #expect(questions.filter { $0.referenceAnswers != nil }.map(\.id) == Array(101...130))
        #expect(judging.prompts.prompts.keys.sorted() == [
            "pair-math-v1", "pair-math-v1-multi-turn", "pair-v2", "pair-v2-multi-turn", "single-math-v1",
            "single-math-v1-multi-turn", "single-v1", "single-v1-multi-turn",
        ])
    }

    @Test("reference prompts for math, reasoning and coding only; multi-turn prompts for turn 2")
    func referencePromptsOnlyForThreeCategories() throws {
        for question in questions {
            let answers = ["first answer to \(question.id)", "second answer to \(question.id)"]
            let first = try judging.single(question, answers: answers, turn: 1)
            let second = try judging.single(question, answers: answers, turn: 2)
            let usesReference = ["math", "reasoning", "coding"].contains(question.category)
            #expect(first.promptName == (usesReference ? "single-math-v1" : "single-v1"), "\(question.id)")
            #expect(second.promptName == (usesReference ? "single-math-v1-multi-turn" : "single-v1-multi-turn"))
            let firstUser = first.messages[1].content
            let secondUser = second.messages[1].content
            #expect(firstUser.contains("[The Start of Reference Answer]") == usesReference)
            #expect(secondUser.contains("<|The Start of Reference Answer|>") == usesReference)
            #expect(firstUser.contains(answers[0]))
            #expect(!firstUser.contains(answers[1]))
            #expect(secondUser.contains(answers[0]) && secondUser.contains(answers[1]))
            #expect(secondUser.contains(question.turns[1]))
            if usesReference, let references = question.referenceAnswers {
                #expect(firstUser.contains(references[0]))
                #expect(secondUser.contains(references[1]))
            }
        }
        // Question 95 (roleplay) carries a `reference` field that FastChat never shows the judge.
        let roleplay = try #require(questions.first { $0.id == 95 })
        #expect(try judging.single(roleplay, answers: ["a", "b"], turn: 1).promptName == "single-v1")
    }

    @Test("turn 1 of a writing question is FastChat's single-v1, byte for byte")
    func singleV1Verbatim() throws {
        let question = try #require(questions.first { $0.id == 81 })
        let request = try judging.single(question, answers: ["Aloha!", "A"], turn: 1)
        #expect(request.messages[0] == ChatMessage(role: .system, content: "You are a helpful assistant."))
        #expect(
            request.messages[1].content
                == "[Instruction]\nPlease act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question displayed below. Your evaluation should consider factors such as the helpfulness, relevance, accuracy, depth, creativity, and level of detail of the response. Begin your evaluation by providing a short explanation. Be as objective as possible. After providing your explanation, you must rate the response on a scale of 1 to 10 by strictly following this format: \"[[rating]]\", for example: \"Rating: [[5]]\".\n\n[Question]\n\(question.turns[0])\n\n[The Start of Assistant's Answer]\nAloha!\n[The End of Assistant's Answer]")
    }

    @Test("pairwise: game 2 swaps the assistants; turn 2 shows both conversations")
    func pairwise() throws {
        let question = try #require(questions.first { $0.id == 111 })
        let request = try judging.pair(question, answersA: ["alpha-1", "alpha-2"], answersB: ["beta-1", "beta-2"], turn: 1)
        #expect(request.promptName == "pair-math-v1")
        let user = request.messages[1].content
        let a = try #require(user.range(of: "[The Start of Assistant A's Answer]\nalpha-1"))
        let b = try #require(user.range(of: "[The Start of Assistant B's Answer]\nbeta-1"))
        #expect(a.lowerBound < b.lowerBound)
        let second = try judging.pair(question, answersA: ["alpha-1", "alpha-2"], answersB: ["beta-1", "beta-2"], turn: 2)
        #expect(second.promptName == "pair-math-v1-multi-turn")
        #expect(second.messages[1].content.contains("### Assistant B:\nbeta-2"))
        let writing = try #require(questions.first { $0.id == 81 })
        #expect(try judging.pair(writing, answersA: ["x"], answersB: ["y"], turn: 1).promptName == "pair-v2")
    }

    @Test("templates fill in one pass, as str.format: braces in an answer stay as written")
    func singlePassFill() throws {
        let prompt = JudgePrompt(name: "t", type: "single", systemPrompt: "s", template: "{{literal}} Q: {question} A: {answer}", outputFormat: "[[rating]]")
        #expect(try prompt.fill(["question": "{answer}", "answer": "x = {y}"]) == "{literal} Q: {answer} A: x = {y}")
        #expect(throws: JudgePromptError.self) { try prompt.fill(["question": "q"]) }
        let unbalanced = JudgePrompt(name: "u", type: "single", systemPrompt: "", template: "oops }", outputFormat: "")
        #expect(throws: JudgePromptError.self) { try unbalanced.fill([:]) }
    }
}
