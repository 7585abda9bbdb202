import Foundation
import ProctorBenchmarks
import ProctorCore

// Scores MATH responses as `proctor eval math` does (both minerva_math extractors, lm-eval
// normalisation, native equivalence) and prints the time per set. Run it with
// `swift run -c release ScoringBenchmark` or through Benchmarks/run.sh.

let benchmark = try MathBenchmark(split: .test, protocol: .minerva)
let samples = benchmark.samples()

/// Bumps the first digit of the answer (or appends `+1`): the same shape, a different value.
func perturbed(_ answer: String) -> String {
    guard let index = answer.firstIndex(where: { $0.isASCII && $0.isNumber }), let digit = answer[index].wholeNumberValue
    else { return answer + "+1" }
    return answer.replacingCharacters(in: index...index, with: String((digit + 1) % 10))
}

/// Restates the answer the way a model might: spaced out, `\dfrac`, inside `\left( … \right)` when a tuple.
func restated(_ answer: String) -> String {
    var text = answer.replacingOccurrences(of: "\\frac", with: "\\dfrac").replacingOccurrences(of: ",", with: ", ")
    if text.hasPrefix("("), text.hasSuffix(")") { text = "\\left" + text.dropLast() + "\\right)" }
    return text
}

func minerva(_ answer: String) -> String {
    "We work it out.\nFinal Answer: The final answer is $\(answer)$. I hope it is correct."
}

let sets: [(name: String, responses: [String])] = [
    ("gold solutions", benchmark.problems.map(\.solution)),
    ("gold answers perturbed", benchmark.problems.map { minerva(perturbed($0.answer ?? "")) }),
    ("gold answers restated", benchmark.problems.map { minerva(restated($0.answer ?? "")) }),
]

print("MATH test set: \(samples.count) problems; extractors \(benchmark.extractorNames.joined(separator: ", "))")
let clock = ContinuousClock()
var grandTotal = Duration.zero
for set in sets {
    var timings: [Duration] = []
    var scores: [SampleScore] = []
    for _ in 0..<5 {
        var round: [SampleScore] = []
        round.reserveCapacity(samples.count)
        let elapsed = clock.measure {
            for (response, sample) in zip(set.responses, samples) {
                round.append(benchmark.score(response: response, for: sample))
            }
        }
        timings.append(elapsed)
        scores = round
    }
    let median = timings.sorted()[timings.count / 2]
    grandTotal += median
    let seconds = Double(median.components.seconds) + Double(median.components.attoseconds) / 1e18
    let best = timings.min().map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 } ?? seconds
    print("")
    print("\(set.name): \(set.responses.count) responses, median of 5: \(String(format: "%.3f", seconds)) s "
        + "(\(String(format: "%.1f", seconds / Double(set.responses.count) * 1e6)) µs each), best \(String(format: "%.3f", best)) s")
    for (position, name) in benchmark.extractorNames.enumerated() {
        let outputs = scores.map { $0.outputs[position] }
        let correct = outputs.filter(\.correct).count
        let rules = outputs.compactMap(\.decidedBy).reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        let ruleText = rules.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("  \(name): \(correct)/\(outputs.count) judged equivalent; decided by: \(ruleText)")
    }
}
let total = Double(grandTotal.components.seconds) + Double(grandTotal.components.attoseconds) / 1e18
print("")
print("all sets: \(sets.count * samples.count) responses in \(String(format: "%.3f", total)) s")

// EdgeJSON: all 158 answers through both extractors and every metric, schema validation included.
// The answers are the gold objects wrapped in prose, so the robust extractor scans for them.
let edgeJSON = try EdgeJSONBenchmark()
let edgeSamples = edgeJSON.samples()
let edgeResponses = edgeSamples.map { "Here is the JSON you asked for: \($0.reference) — extracted from the text above." }
var edgeTimings: [Duration] = []
var edgeScores: [SampleScore] = []
for _ in 0..<5 {
    var round: [SampleScore] = []
    edgeTimings.append(clock.measure {
        for (response, sample) in zip(edgeResponses, edgeSamples) { round.append(edgeJSON.score(response: response, for: sample)) }
    })
    edgeScores = round
}
let edgeMedian = edgeTimings.sorted()[edgeTimings.count / 2]
let edgeMilliseconds = (Double(edgeMedian.components.seconds) + Double(edgeMedian.components.attoseconds) / 1e18) * 1000
let robustExact = edgeScores.filter { $0.output(named: "json")?.correct == true }.count
let schemaValid = edgeScores.filter { $0.output(named: "json")?.metrics?["schema_valid"] == 1 }.count
let officialExact = edgeScores.filter { $0.output(named: "edgejson")?.correct == true }.count
print("")
print("EdgeJSON: \(edgeSamples.count) answers, all metrics and schema validation, median of 5: "
    + "\(String(format: "%.1f", edgeMilliseconds)) ms; exact \(robustExact) (robust) and \(officialExact) (eval.py's regex), schema-valid \(schemaValid)")
