import Foundation
import ProctorBenchmarks
import ProctorCore
import Testing

@testable import ProctorTrain

@Suite("Training data")
struct TrainingDataTests {
    @Test("gsm8k:train: the zero-shot chat prompt, the solution without calculator annotations, ending #### N")
    func gsm8k() throws {
        let (examples, info) = try TrainingSource.gsm8kTrain.examples()
        #expect(examples.count == 7473)
        #expect(info.sha256 == GSM8KDataset.trainSHA256)
        let first = examples[0]
        #expect(first.id == "train-0")
        let problem = try GSM8KDataset.loadTrain().problems[0]
        #expect(first.prompt == GSM8KProtocol.zeroShotChat.messages(for: problem))
        #expect(first.question.contains("Natalia sold clips to 48 of her friends"))
        #expect(first.completion.hasSuffix("#### 72"))
        #expect(!examples.contains { $0.completion.contains("<<") })
        #expect(first.completion == "Natalia sold 48/2 = 24 clips in May.\nNatalia sold 48+24 = 72 clips altogether in April and May.\n#### 72")
    }

    @Test("GSM8K's train split shares no question with its test split, and the split is reproducible and disjoint")
    func split() throws {
        let examples = try TrainingSource.gsm8kTrain.examples().examples
        let test = try GSM8KBenchmark(protocol: .zeroShotChat).samples()
        let set = try TrainingSet(examples: examples, heldOut: 100, seed: 7, evaluation: ("gsm8k/test", test))
        #expect(set.train.count == 7373)
        #expect(set.heldOut.count == 100)
        #expect(Set(set.train.map(\.id)).isDisjoint(with: set.heldOut.map(\.id)))
        #expect(set.overlapCheck.hasPrefix("no overlap with gsm8k/test: 7473 examples checked against its 1319 samples"))
        let again = try TrainingSet(examples: examples, heldOut: 100, seed: 7, evaluation: nil)
        #expect(again.heldOut.map(\.id) == set.heldOut.map(\.id))
        #expect(try TrainingSet(examples: examples, heldOut: 100, seed: 8, evaluation: nil).heldOut.map(\.id) != set.heldOut.map(\.id))
    }

    @Test("math:train: the zero-shot boxed prompt and the solution; the one training problem that is also a test problem is removed and named")
    func math() throws {
        let source = try TrainingSource(parsing: "math:train")
        let (examples, info) = try source.examples()
        #expect(examples.count == 7500)
        #expect(info.sha256 == MathDataset.trainSHA256)
        let problem = try MathDataset.loadTrain().problems[0]
        #expect(examples[0].id == problem.uniqueId)
        #expect(examples[0].prompt == MathProtocol.zeroShotBoxed.messages(for: problem))
        #expect(examples[0].completion == problem.solution)
        #expect(examples.allSatisfy { $0.completion.contains("\\boxed") || $0.completion.contains("\\fbox") })
        let evaluation = try #require(try source.evaluationSet())
        #expect(evaluation.samples.count == 5000)
        #expect(throws: ProctorError.self) { try TrainingSet(examples: examples, heldOut: 100, seed: 1, evaluation: evaluation) }
        let set = try TrainingSet(examples: examples, heldOut: 100, seed: 1, evaluation: evaluation, dropOverlap: true)
        #expect(set.train.count + set.heldOut.count == 7499)
        #expect(!(set.train + set.heldOut).contains { $0.id == "train/geometry/6032.json" })
        #expect(set.overlapCheck.hasSuffix("1 found there and removed (train/geometry/6032.json)"), "\(set.overlapCheck)")
    }

    private func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("train-\(UUID().uuidString).jsonl")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("a chat JSONL file: conversations ending with the answer; a test question in it is refused by its text")
    func file() throws {
        let test = try GSM8KBenchmark(protocol: .zeroShotChat).samples()
        let leaked = test[5].messages.last { $0.role == .user }!.content
        let rows = [
            #"{"id": "a", "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "2+2?"}, {"role": "assistant", "content": "4"}]}"#,
            #"{"messages": [{"role": "user", "content": "Capital of France?"}, {"role": "assistant", "content": "Paris"}]}"#,
            "{\"messages\": [{\"role\": \"user\", \"content\": \(String(data: try JSONEncoder().encode("  " + leaked.uppercased()), encoding: .utf8)!)}, {\"role\": \"assistant\", \"content\": \"x\"}]}",
        ]
        let path = try write(rows.joined(separator: "\n") + "\n")
        let (examples, info) = try TrainingSource(parsing: path).examples()
        #expect(examples.map(\.id) == ["a", "line-2", "line-3"])
        #expect(examples[0].prompt.map(\.role) == [.system, .user])
        #expect(examples[0].completion == "4")
        #expect(info.count == 3)
        #expect(throws: ProctorError.self) { try TrainingSet(examples: examples, heldOut: 1, seed: 1, evaluation: ("gsm8k/test", test)) }
        do {
            _ = try TrainingSet(examples: examples, heldOut: 1, seed: 1, evaluation: ("gsm8k/test", test))
        } catch {
            #expect(String(describing: error).contains("1 training examples overlap the evaluation set gsm8k/test"), "\(error)")
            #expect(String(describing: error).contains("line-3"))
        }
    }

    @Test("a malformed line is an error naming the file, line and field", arguments: [
        (#"{"messages": [{"role": "user", "content": "q"}]}"#, "must end with the assistant's answer"),
        (#"{"messages": [{"role": "robot", "content": "q"}, {"role": "assistant", "content": "a"}]}"#, "messages[0]"),
        (#"{"prompt": "q"}"#, "\"messages\""),
    ])
    func malformed(line: String, expected: String) throws {
        let path = try write("{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"assistant\", \"content\": \"a\"}]}\n" + line + "\n")
        do {
            _ = try TrainingSource(parsing: path).examples()
            Issue.record("no error for \(line)")
        } catch {
            #expect(String(describing: error).contains("\(path):2"), "\(String(describing: error))")
            #expect(String(describing: error).contains(expected), "\(String(describing: error))")
        }
        #expect(throws: ProctorError.self) { try TrainingSource(parsing: "gsm8k:test") }
    }

    @Test("examples become TRL's conversational prompt/completion lines")
    func jsonLines() throws {
        let example = TrainingExample(id: "a", prompt: [ChatMessage(role: .user, content: "2+2?")], completion: "4")
        let text = String(decoding: try TrainingSet.jsonLines([example]), as: UTF8.self)
        #expect(text == #"{"completion":[{"content":"4","role":"assistant"}],"id":"a","prompt":[{"content":"2+2?","role":"user"}]}"# + "\n")
    }
}
