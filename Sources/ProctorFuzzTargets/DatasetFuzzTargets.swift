import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorEngine

extension FuzzTarget {
    /// A JSON Lines file read as every dataset and answer format Proctor takes: each reader
    /// returns its rows or a ``DatasetError`` that names the file and a line the file has.
    static let datasets = FuzzTarget(
        name: "datasets", summary: "a JSON Lines file (GSM8K, MATH, EdgeJSON, MT-bench questions and answers, tasks, answer scripts)"
    ) {
        DatasetSeeds.files
    } property: { data in
        let file = "fuzz.jsonl"
        let lineCount = data.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let readers: [(String, () throws -> Void)] = [
            ("JSONLReader", { _ = try JSONLReader.parse(data, file: file) }),
            ("GSM8KDataset", { _ = try GSM8KDataset.parse(data, file: file) }),
            ("MathDataset", { _ = try MathDataset.parse(data, file: file) }),
            ("EdgeJSONDataset", { _ = try EdgeJSONDataset.parse(data, file: file) }),
            ("MTBenchDataset", { _ = try MTBenchDataset.parseQuestions(data, file: file) }),
            ("MTBenchAnswerFile", { _ = try MTBenchAnswerFile.parse(data, file: file) }),
            ("ScriptedAnswers", { _ = try ScriptedAnswers.parse(data, file: file) }),
            ("JSONLTask", {
                _ = try JSONLTask(
                    JSONLTaskDefinition(path: file, promptField: "question", labelField: "answer", system: nil, scorer: "exact"), contents: data)
            }),
        ]
        var broken: [String] = []
        for (reader, read) in readers {
            do {
                try read()
            } catch let error as DatasetError {
                if error.file != file { broken.append("\(reader) blamed \(error.file), not the file it read") }
                if let line = error.line, !(1...lineCount).contains(line) {
                    broken.append("\(reader) blamed line \(line) of a file with \(lineCount): \(error.description)")
                }
            } catch {
                broken.append("\(reader) threw \(type(of: error)), not a DatasetError: \(error)")
            }
        }
        return broken
    }
}

/// Starting inputs: the first lines of each bundled file, and the shapes the tests refuse.
enum DatasetSeeds {
    static var files: [Data] {
        let bundled = [
            ("gsm8k", "test.jsonl"), ("math", "test.jsonl"), ("edgejson", "edgejson_test_v3.jsonl"), ("mt_bench", "question.jsonl"),
            ("mathchat", "follow_up.jsonl"), ("mt_bench/model_answer", "gpt-4.jsonl"),
        ].compactMap { BundledFile.firstLines(subdirectory: $0, name: $1, lines: 3) }
        let written = [
            "{\"question\":\"q\",\"answer\":\"#### 4\"}\n\n{\"question\":\"r\",\"answer\":\"5\",\"id\":\"x\"}\r\n",
            "{\"id\":\"a\",\"turn\":1,\"response\":\"yes\"}\n{\"prompt\":\"p\",\"response\":\"r\"}\n{\"contains\":\"c\",\"response\":\"s\"}\n",
            "{\"question\": 7}\n[1,2]\nnot json\n{\"question\":\"dup\",\"answer\":\"1\",\"id\":\"d\"}\n{\"question\":\"dup\",\"answer\":\"1\",\"id\":\"d\"}",
            "\u{FEFF}{\"question\":\"bom\",\"answer\":null}",
        ].map { Data($0.utf8) }
        return bundled + written
    }
}
