import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorEngine
import ProctorTrain
import Testing

/// Adapters by name: registration, lookup, safe names, and the local engine's refusal of an
/// adapter trained on another base.
@Suite("Adapter registry")
struct AdapterRegistryTests {
    private func withRegistry(_ body: (AdapterRegistry, URL) async throws -> Void) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-adapters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try await body(AdapterRegistry(root: root), root)
    }

    /// An engine whose "model" is a small file with known content.
    private func engine(model content: String, in root: URL) throws -> LocalEngine {
        let model = root.appendingPathComponent("model.gguf")
        try Data(content.utf8).write(to: model)
        return LocalEngine(
            paths: EnginePaths(root: root.appendingPathComponent("engine")),
            manifest: EngineManifest(serverBinary: "/bin/true", modelFile: model.path, modelName: "Tiny"))
    }

    @Test("names are plain file names: no paths, no hidden files, not the exported bases' prefix", arguments: [
        ("gsm8k-50", true), ("v1.2_b", true), ("r1a2b3c4d", true), ("", false), ("../x", false), ("a/b", false), (".hidden", false),
        ("base-abc", false), ("naïve", false), ("has space", false),
    ])
    func names(name: String, valid: Bool) {
        #expect(AdapterRegistry.isValidName(name) == valid)
    }

    @Test("a registered adapter is found by name; an unknown one names the known ones")
    func lookup() async throws {
        try await withRegistry { registry, _ in
            #expect(throws: ProctorError.self) { try registry.lookup("a") }
            let adapter = RegisteredAdapter(name: "a", runId: "r1", base: "local", baseSHA256: "x", baseFolder: "/b", peftPath: "/p")
            try registry.register(adapter)
            try registry.register(RegisteredAdapter(name: "b", runId: "r2", base: "local", baseSHA256: "y", baseFolder: "/b", peftPath: "/q"))
            #expect(try registry.lookup("a") == adapter)
            #expect(registry.names() == ["a", "b"])
            do {
                _ = try registry.lookup("c")
                Issue.record("an unknown adapter was found")
            } catch let error as ProctorError {
                #expect(error.description.contains("no adapter named 'c'"))
                #expect(error.hint?.contains("known adapters: a, b") == true, "\(String(describing: error.hint))")
            }
        }
    }

    @Test("the local engine refuses an adapter trained on another base, and says where it can be served")
    func otherBase() async throws {
        try await withRegistry { registry, root in
            let engine = try engine(model: "the engine's model", in: root)
            try registry.register(
                RegisteredAdapter(name: "a", runId: "r1", base: "/models/other", baseSHA256: String(repeating: "0", count: 64), baseFolder: "/models/other", peftPath: "/p/adapter"))
            do {
                _ = try await registry.servable("a", engine: engine) { _ in }
                Issue.record("an adapter of another base was served")
            } catch let error as ProctorError {
                #expect(error.description.contains("was trained on /models/other"))
                #expect(error.hint?.contains("--lora-modules a=/p/adapter") == true)
            }
        }
    }

    @Test("an adapter already converted is served from its GGUF without converting again")
    func alreadyConverted() async throws {
        try await withRegistry { registry, root in
            let engine = try engine(model: "the engine's model", in: root)
            let gguf = root.appendingPathComponent("a.gguf")
            try Data("gguf".utf8).write(to: gguf)
            let served = ServedAdapter(path: gguf.path, sha256: "s", converter: "test")
            try registry.register(
                RegisteredAdapter(
                    name: "a", runId: "r1", base: "local", baseSHA256: FileDigest.sha256(Data("the engine's model".utf8)), baseFolder: "/b",
                    peftPath: "/p", served: served))
            // A converter whose environment does not exist fails if it is ever asked to run.
            let converter = AdapterConverter(
                environment: TrainerEnvironment(environment: ["XDG_CACHE_HOME": root.appendingPathComponent("none").path]), engine: engine.paths)
            #expect(try await registry.servable("a", engine: engine, converter: converter) { _ in } == served)
        }
    }
}
