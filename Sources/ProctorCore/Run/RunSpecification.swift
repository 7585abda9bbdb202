public import Foundation

/// What a run measures, typed per ``RunKind``; stored as versioned JSON so that a later Proctor
/// can tell an old layout from a corrupt one.
///
/// ```json
/// {"version": 1, "eval": {"benchmark": "gsm8k", …}}
/// ```
public enum RunSpecification: Sendable, Hashable {
    /// A benchmark evaluation.
    case eval(EvalSpecification)
    /// A load test.
    case load(LoadSpecification)
    /// A resource and energy recording.
    case monitor(MonitorSpecification)
    /// A fine-tuning job.
    case finetune(FinetuneSpecification)

    /// The layout version this Proctor writes and reads.
    public static let currentVersion = 1

    /// The run kind this specification belongs to.
    public var kind: RunKind {
        switch self {
        case .eval: .eval
        case .load: .load
        case .monitor: .monitor
        case .finetune: .finetune
        }
    }

    private struct Version: Decodable {
        var version: Int
    }

    private struct Envelope: Codable {
        var version: Int
        var eval: EvalSpecification?
        var load: LoadSpecification?
        var monitor: MonitorSpecification?
        var finetune: FinetuneSpecification?
    }

    /// The specification as stored: canonical JSON (sorted keys).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// Reads a stored specification of run `runId`, which the store says is of `kind`.
    ///
    /// - Throws: ``RunSpecificationError`` naming the run and what is wrong: a newer layout, a
    ///   mismatched kind, or JSON that does not decode (with the decoder's reason).
    public static func decode(_ data: Data, runId: String, kind: RunKind) throws(RunSpecificationError) -> RunSpecification {
        let specification: RunSpecification
        do {
            specification = try JSONDecoder().decode(RunSpecification.self, from: data)
        } catch let error as RunSpecificationError {
            throw RunSpecificationError(runId: runId, reason: error.reason, hint: error.hint)
        } catch {
            throw RunSpecificationError(runId: runId, reason: "its specification does not decode: \(error)")
        }
        guard specification.kind == kind else {
            throw RunSpecificationError(
                runId: runId, reason: "it is stored as a \(kind.rawValue) run but its specification describes a \(specification.kind.rawValue) run")
        }
        return specification
    }
}

extension RunSpecification: Codable {
    /// Writes `{"version": 1, "<kind>": {…}}`.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .eval(let eval): try Envelope(version: Self.currentVersion, eval: eval).encode(to: encoder)
        case .load(let load): try Envelope(version: Self.currentVersion, load: load).encode(to: encoder)
        case .monitor(let monitor): try Envelope(version: Self.currentVersion, monitor: monitor).encode(to: encoder)
        case .finetune(let finetune): try Envelope(version: Self.currentVersion, finetune: finetune).encode(to: encoder)
        }
    }

    /// Reads a versioned specification; a newer version or an envelope without exactly one kind
    /// is a ``RunSpecificationError``.
    public init(from decoder: any Decoder) throws {
        let version = try Version(from: decoder).version
        guard version <= Self.currentVersion else {
            throw RunSpecificationError(
                runId: "",
                reason: "its specification has layout version \(version); this Proctor reads up to \(Self.currentVersion)",
                hint: "open the store with the newer Proctor that wrote it")
        }
        let envelope = try Envelope(from: decoder)
        switch (envelope.eval, envelope.load, envelope.monitor, envelope.finetune) {
        case (let eval?, nil, nil, nil): self = .eval(eval)
        case (nil, let load?, nil, nil): self = .load(load)
        case (nil, nil, let monitor?, nil): self = .monitor(monitor)
        case (nil, nil, nil, let finetune?): self = .finetune(finetune)
        default: throw RunSpecificationError(runId: "", reason: "its specification names no single run kind")
        }
    }
}

/// A stored run specification that cannot be read.
public struct RunSpecificationError: ProctorFailure, Sendable {
    /// The run.
    public var runId: String
    /// What is wrong with it.
    public var reason: String
    /// What to do about it.
    public var hint: String?

    /// Creates an error.
    public init(runId: String, reason: String, hint: String? = nil) {
        self.runId = runId
        self.reason = reason
        self.hint = hint
    }

    /// ``ErrorCode/storeFailed``.
    public var code: ErrorCode { .storeFailed }

    /// `run ID: reason`, and the hint.
    public var description: String {
        "run \(runId): \(reason)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}
