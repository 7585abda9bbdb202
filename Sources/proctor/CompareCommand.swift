import ArgumentParser
import Foundation
import ProctorCore
import ProctorReport
import ProctorStore

/// `proctor compare BASE CANDIDATE [MORE…]`: every candidate against the base — paired per item
/// for evaluations, level by level for load tests — optionally held to a gate file (exit 1 when
/// a threshold fails).
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare runs against a base run: paired statistics for evaluations, level by level for load tests.",
        discussion: """
            Evaluations are paired on their shared sample ids: per extractor the accuracy difference with a 95% interval \
            (paired bootstrap), McNemar's test with its 2×2 table and the flipped items; clustered by sample for multi-turn \
            runs; judge scores by cluster bootstrap. Runs that differ in benchmark, protocol, dataset, generation parameters \
            or judge are refused unless --allow-different names what may differ.
            """)

    @OptionGroup var storage: StoreOptions
    @Argument(help: "The base run, then one or more candidates.") var runs: [String]
    @Option(help: "A gate file (k6 threshold grammar); exit 1 when a threshold fails.") var gate: String?
    @Option(help: "Output: text, json or markdown (for a pull-request comment).") var format: OutputFormat = .text
    @Flag(help: "Same as --format json.") var json = false
    @Option(help: "Aspects that may differ, comma-separated: benchmark, protocol, dataset, parameters, judge, streaming (load runs). Load levels are matched on load and unit; unmatched ones are listed.")
    var allowDifferent: String?
    @Option(help: "Bootstrap resamples (default 10,000, or the gate file's).") var iterations: Int?
    @Option(help: "Bootstrap seed (default 1234, or the gate file's).") var seed: UInt64?
    @Option(help: "McNemar's test: mid-p (default), exact, or asymptotic (χ² with continuity correction).")
    var mcnemar: McNemarTest = .midP

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    /// `--mcnemar`'s values, as Core names them.
    enum McNemarTest: String, ExpressibleByArgument, CaseIterable {
        case midP = "mid-p", exact, asymptotic

        var variant: McNemar.Variant { McNemar.Variant(rawValue: rawValue) ?? .midP }
    }

    func validate() throws {
        guard runs.count >= 2 else { throw ValidationError("compare needs a base run and at least one candidate") }
        if let iterations, iterations < 100 { throw ValidationError("--iterations must be at least 100") }
    }

    func run() async throws {
        try await reportingFailures {
            let database = try storage.openExisting()
            let gates = try gate.map { try GateFile(contentsOf: $0) }
            let allowing = try Self.aspects(allowDifferent)
            let bootstrap = PairedBootstrap(iterations: iterations ?? gates?.iterations ?? 10_000, seed: seed ?? gates?.seed ?? 1234)
            let comparer = RunComparer(database: database)
            var results: [ComparedResult] = []
            let base = runs[0]
            for candidate in runs.dropFirst() {
                let comparison = try await comparer.compare(base: base, candidate: candidate, allowing: allowing, bootstrap: bootstrap, test: mcnemar.variant)
                results.append(ComparedResult(comparison: comparison, gates: nil))
            }
            if let gates {
                // One evaluation over every candidate, so significance is adjusted across them all.
                var subjects: [(subject: GateSubject, comparison: RunComparison?)] = []
                for (index, candidate) in runs.dropFirst().enumerated() {
                    subjects.append((try await GateSubject.load(candidate, from: database), results[index].comparison))
                }
                let reports = GateEvaluator(file: gates).evaluate(candidates: subjects, baseline: try await GateSubject.load(base, from: database))
                for index in results.indices { results[index].gates = reports[index] }
            }
            switch json ? .json : format {
            case .json:
                Terminal.out(String(decoding: try JSONOutput.encode(results.count == 1 ? AnyEncodable(results[0]) : AnyEncodable(results)), as: UTF8.self))
            case .markdown:
                Terminal.out(results.map { ComparisonMarkdown.render($0.comparison, gates: $0.gates) }.joined(separator: "\n"))
            case .text:
                Terminal.out(results.map { ComparisonText.text($0.comparison, gates: $0.gates) }.joined(separator: "\n\n"))
            }
            if results.contains(where: { $0.gates?.passed == false }) { throw ExitCode(1) }
        }
    }

    static func aspects(_ list: String?) throws(ProctorError) -> Set<ComparedAspect> {
        guard let list else { return [] }
        var aspects: Set<ComparedAspect> = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let aspect = ComparedAspect(rawValue: name) else {
                throw ProctorError.badInput(
                    "--allow-different: unknown aspect '\(name)'", hint: "use \(ComparedAspect.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            aspects.insert(aspect)
        }
        return aspects
    }
}

/// One candidate's comparison and gate outcome, as `--json` prints it.
struct ComparedResult: Encodable {
    var comparison: RunComparison
    var gates: GateReport?
}

/// Erases an encodable's type, so one JSON path prints one result or a list.
struct AnyEncodable: Encodable {
    private let encodeValue: (any Encoder) throws -> Void
    init(_ value: some Encodable) { encodeValue = value.encode }
    func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}
