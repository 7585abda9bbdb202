public import Foundation
public import ProctorCore

/// An adapter registered by name: what it was trained on and where its files are.
public struct RegisteredAdapter: Codable, Sendable, Hashable {
    /// Its name (`--name`, else the run id).
    public var name: String
    /// The `finetune` run that trained it.
    public var runId: String
    /// The base as `--base` named it.
    public var base: String
    /// SHA-256 of the base's weights file; the engine refuses an adapter trained on another base.
    public var baseSHA256: String
    /// The base as a Hugging Face folder, which the GGUF converter reads the architecture from.
    public var baseFolder: String
    /// The PEFT adapter folder (for vLLM's `--lora-modules`, or transformers).
    public var peftPath: String
    /// The GGUF conversion the local engine serves.
    public var served: ServedAdapter?

    /// Creates a registration.
    public init(
        name: String, runId: String, base: String, baseSHA256: String, baseFolder: String, peftPath: String, served: ServedAdapter? = nil
    ) {
        self.name = name
        self.runId = runId
        self.base = base
        self.baseSHA256 = baseSHA256
        self.baseFolder = baseFolder
        self.peftPath = peftPath
        self.served = served
    }
}

/// The adapters Proctor trained, by name: one folder each under the cache's `adapters/`, with an
/// `adapter.json` saying what it is. `--model local+NAME` looks names up here, so an adapter is
/// served the same way whichever store its run was recorded in.
public struct AdapterRegistry: Sendable {
    /// The `adapters/` folder.
    public let root: URL

    /// The registry in `root` (default: the trainer environment's `adapters/`).
    public init(root: URL = TrainerEnvironment().adapters) {
        self.root = root
    }

    /// Whether `name` can name an adapter: letters, digits, `.`, `_` and `-`, not starting with a
    /// dot or `base-` (the exported bases live beside the adapters).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && !name.hasPrefix(".") && !name.hasPrefix("base-")
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    /// The folder an adapter's files go in.
    public func folder(_ name: String) -> URL { root.appendingPathComponent(name) }

    private func manifest(_ name: String) -> URL { folder(name).appendingPathComponent("adapter.json") }

    /// Records `adapter`, replacing an earlier one of the same name.
    public func register(_ adapter: RegisteredAdapter) throws {
        try FileManager.default.createDirectory(at: folder(adapter.name), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(adapter).write(to: manifest(adapter.name), options: .atomic)
    }

    /// The names registered, sorted.
    public func names() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return entries.filter { FileManager.default.fileExists(atPath: manifest($0).path) }.sorted()
    }

    /// The adapter called `name`.
    ///
    /// - Throws: ``ProctorError/badInput(_:hint:)`` naming the adapters there are when it is unknown.
    public func lookup(_ name: String) throws(ProctorError) -> RegisteredAdapter {
        guard let data = FileManager.default.contents(atPath: manifest(name).path) else {
            let known = names()
            throw ProctorError.badInput(
                "no adapter named '\(name)' in \(root.path)",
                hint: known.isEmpty
                    ? "train one with `proctor finetune --name \(name) …`"
                    : "known adapters: \(known.joined(separator: ", "))")
        }
        do {
            return try JSONDecoder().decode(RegisteredAdapter.self, from: data)
        } catch {
            throw ProctorError.badInput(
                "\(manifest(name).path) is not a readable adapter record: \(error)", hint: "train the adapter again with --name \(name)")
        }
    }
}
