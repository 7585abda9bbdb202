import ArgumentParser
import Foundation
import ProctorCore
import ProctorStore
import Synchronization

/// `--store`, shared by every command that reads or writes runs.
struct StoreOptions: ParsableArguments {
    @Option(help: "The run store (SQLite).")
    var store: String = "proctor.db"

    /// The store this process opened, so that a SQLite failure (a full disk, a read-only file)
    /// can be reported with its path wherever it surfaces.
    static let opened = Mutex<String?>(nil)

    /// Opens the store, creating it if needed (commands that record runs).
    func open() throws -> ProctorDatabase {
        Self.opened.withLock { $0 = store }
        do {
            return try ProctorDatabase(path: store)
        } catch {
            throw StoreError.fault(error, path: store) ?? error
        }
    }

    /// Opens a store that must already exist (commands that read runs).
    func openExisting() throws -> ProctorDatabase {
        guard FileManager.default.fileExists(atPath: store) else {
            throw ProctorError.badInput("no run store at \(store)", hint: "run an evaluation first, or pass --store PATH")
        }
        Self.opened.withLock { $0 = store }
        do {
            return try ProctorDatabase(path: store)
        } catch {
            throw StoreError.fault(error, path: store) ?? error
        }
    }

    /// The run `id`, or a bad-input error naming the store.
    func run(_ id: String, in database: any RunStore) async throws -> Run {
        guard let run = try await database.run(id: id) else {
            throw ProctorError.badInput("no run \(id) in \(store)", hint: "see the ids with: proctor runs list --store \(store)")
        }
        return run
    }
}

/// How answers are generated and how long a request may take, shared by eval and load.
struct GenerationOptions: ParsableArguments {
    @Option(help: "Most tokens per answer (default: the protocol's, 256 for GSM8K; synthetic load: --output-tokens).")
    var maxTokens: Int?

    @Option(help: "Sampling temperature (default: the protocol's, 0).")
    var temperature: Double?

    @Option(help: "Seconds one request may take (default: 300 for eval, retries included; 600 for load).")
    var timeout: Double?

    @Flag(help: "Ask for whole responses instead of streamed ones (no TTFT or ITL then).")
    var noStream = false

    func validate() throws {
        if let maxTokens, maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1") }
        if let temperature, temperature < 0 { throw ValidationError("--temperature must not be negative") }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be positive") }
    }

    /// `parameters` with the options given on the command line applied.
    func applied(to parameters: GenerationParameters) -> GenerationParameters {
        var result = parameters
        if let maxTokens { result.maxTokens = maxTokens }
        if let temperature { result.temperature = temperature }
        return result
    }

    /// The request timeout, `fallback` seconds when none was given.
    func requestTimeout(default fallback: Double) -> Duration {
        .milliseconds(Int64((timeout ?? fallback) * 1000))
    }
}

/// `--json`, shared by every command that prints a result.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print the result as JSON.")
    var json = false
}
