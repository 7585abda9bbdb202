import Foundation
import ProctorBenchmarks
import ProctorCore
import Testing

@Suite("GSM8K benchmark")
struct GSM8KBenchmarkTests {
    @Test("the bundled test set has 1,319 problems and the recorded digest")
    func bundledDataset() throws {
        let (problems, info) = try GSM8KDataset.loadTest()
        #expect(problems.count == 1319)
        #expect(info.count == 1319)
        #expect(info.sha256 == "3730d312f6e3440559ace48831e51066acaca737f6eabec99bccb9e4b3c39d14")
        #expect(problems[0].finalAnswer == "18")
        #expect(problems[0].question.hasPrefix("Janet’s ducks lay 16 eggs"))
    }

    @Test("gsm8k_cot sends the 8 exemplars as multi-turn chat, then the question")
    func chainOfThoughtMessages() throws {
        let problem = GSM8KProblem(index: 0, question: "What is 2+2?", answer: "2+2=4\n#### 4")
        let messages = GSM8KProtocol.chainOfThought8Shot.messages(for: problem)
        #expect(messages.count == 17)
        #expect(messages[0] == ChatMessage(role: .user, content: "Q: There are 15 trees in the grove. Grove workers will plant trees in the grove today. After they are done, there will be 21 trees. How many trees did the grove workers plant today?\nA:"))
        #expect(messages[1].role == .assistant)
        #expect(messages[1].content.hasSuffix("The answer is 6."))
        #expect(messages[16] == ChatMessage(role: .user, content: "Q: What is 2+2?\nA:"))
        #expect(GSM8KProtocol.chainOfThought8Shot.reference(for: problem) == "4")
        #expect(GSM8KProtocol.chainOfThought8Shot.stop == ["Q:", "</s>", "<|im_end|>"])
    }

    @Test func zeroShotProtocols() {
        let problem = GSM8KProblem(index: 0, question: "What is 2+2?", answer: "2+2=4\n#### 4")
        let cot = GSM8KProtocol.chainOfThoughtZeroShot.messages(for: problem)
        #expect(cot == [ChatMessage(role: .user, content: "Q: What is 2+2?\nA: Let's think step by step.")])
        #expect(GSM8KProtocol.chainOfThoughtZeroShot.reference(for: problem) == "2+2=4\n#### 4")
        let chat = GSM8KProtocol.zeroShotChat.messages(for: problem)
        #expect(chat.count == 1 && chat[0].content.contains("####") && chat[0].content.hasSuffix("What is 2+2?"))
    }

    @Test("scoring runs both extractors against the normalised reference")
    func scoring() {
        let problem = GSM8KProblem(index: 3, question: "q", answer: "work\n#### 1,200")
        let benchmark = GSM8KBenchmark(
            protocol: .chainOfThought8Shot, problems: [problem], dataset: DatasetInfo(name: "t", sha256: "x", count: 1))
        let sample = benchmark.samples()[0]
        #expect(sample.id == "test-3")
        let right = benchmark.score(response: "So 1200 in all. The answer is 1,200.", for: sample)
        #expect(right.outputs.map(\.correct) == [true, true])
        let truncated = benchmark.score(response: "So the total is 1200", for: sample)
        #expect(truncated.outputs[0].extracted == nil)
        #expect(truncated.outputs[0].normalized == "[invalid]")
        #expect(truncated.outputs[0].correct == false)
        #expect(truncated.outputs[1].correct == true)
    }

    @Test("a malformed line names the file, line and field")
    func malformedLines() {
        let data = Data("{\"question\": \"a\", \"answer\": \"#### 1\"}\n\n{\"question\": \"b\"}\n".utf8)
        #expect {
            try GSM8KDataset.parse(data, file: "mine.jsonl")
        } throws: { error in
            let error = error as? DatasetError
            return error?.line == 3 && error?.field == "answer" && error?.description.hasPrefix("mine.jsonl:3: field \"answer\"") == true
        }
        #expect(throws: DatasetError.self) { try GSM8KDataset.parse(Data("{not json\n".utf8), file: "x.jsonl") }
        #expect(throws: DatasetError.self) { try GSM8KDataset.parse(Data("{\"question\": 3, \"answer\": \"x\"}".utf8), file: "x.jsonl") }
    }

    @Test func catalogRejectsUnknownNames() {
        #expect(throws: CatalogError.self) { try BenchmarkCatalog.make("nope", protocol: nil) }
        #expect(throws: CatalogError.self) { try BenchmarkCatalog.make("gsm8k", protocol: "nope") }
    }
}
