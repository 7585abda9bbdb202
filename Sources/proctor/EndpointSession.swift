import Foundation
import ProctorClient
import ProctorCore
import ProctorEngine
import ProctorTrain

/// Makes a target usable: starts the local engine when needed (and stops it afterwards), checks
/// that the endpoint answers within 5 s, and learns the model id it reports.
enum EndpointSession {
    /// A reachable endpoint and the model id its server reports.
    struct Ready: Sendable {
        var endpoint: Endpoint
        var modelId: String?
        var targetName: String
        /// The local engine's process, when Proctor runs it (for `--monitor`).
        var serverPid: Int?
    }

    static func with<Result: Sendable>(
        _ target: TargetOptions.Target, targetName: String, concurrency: Int, quiet: Bool,
        _ body: @Sendable (Ready) async throws -> Result
    ) async throws -> Result {
        switch target {
        case .local(let adapter):
            let paths = EnginePaths.default()
            let registry = AdapterRegistry()
            if let adapter { _ = try registry.lookup(adapter) }
            var engine = try await LocalEngine.installed(paths: paths, progress: { Terminal.info($0) })
            var modelName = engine.manifest.modelName
            if let adapter {
                let served = try await registry.servable(adapter, engine: engine) { Terminal.info($0) }
                engine.loraAdapter = served.path
                modelName += "+" + adapter
            }
            // A server started by `proctor engine start` has no adapter.
            if adapter == nil, let running = DetachedServer.load(paths), running.isRunning, await running.isHealthy() {
                if !quiet { Terminal.info("using the local engine started with `proctor engine start` (port \(running.port))") }
                var ready = try await probe(engine.endpoint(port: running.port), targetName: targetName)
                ready.serverPid = Int(running.pid)
                return try await body(ready)
            }
            if !quiet { Terminal.info("starting the local engine (\(modelName))…") }
            // More slots than cores only slows every answer down on a CPU-only engine.
            let parallel = min(max(concurrency, 1), ProcessInfo.processInfo.activeProcessorCount, 4)
            return try await engine.withServerProcess(parallel: parallel) { endpoint, pid in
                var named = endpoint
                named.model = modelName
                var ready = try await probe(named, targetName: targetName)
                // The server reports its base model's id with or without the adapter; a run's model
                // id names what answered, so that base and tuned runs (and cached answers) never mix.
                if let adapter { ready.modelId = ready.modelId.map { "\($0)+\(adapter)" } }
                ready.serverPid = Int(pid)
                return try await body(ready)
            }
        case .url(let url, let modelName, let apiKeyEnv):
            var endpoint = try Endpoint(baseURL: url, model: modelName ?? "", apiKeyEnvironmentVariable: apiKeyEnv)
            var ready = try await probe(endpoint, targetName: targetName)
            if modelName == nil {
                guard let listed = ready.modelId else {
                    throw ProctorError.badInput("\(endpoint.modelsURL) lists no model", hint: "pass --model-name")
                }
                endpoint.model = listed
                ready.endpoint = endpoint
            }
            return try await body(ready)
        case .named(let endpoint):
            return try await body(try await probe(endpoint, targetName: targetName))
        }
    }

    /// Lists the server's models within 5 s; an unreachable server is exit code 3.
    static func probe(_ endpoint: Endpoint, targetName: String) async throws -> Ready {
        do {
            let models = try await withChatClient(endpoint: endpoint, configuration: ChatClientConfiguration(concurrency: 1)) {
                try await $0.listModels(timeout: .seconds(5))
            }
            let modelId = models.first { $0 == endpoint.model } ?? models.first
            return Ready(endpoint: endpoint, modelId: modelId, targetName: targetName)
        } catch let error as CompletionError where error.kind == .connection || error.kind == .timeout {
            throw ProctorError.unreachable(
                "cannot reach \(endpoint.baseURL) (tried GET \(endpoint.modelsURL)): \(error.message)",
                hint: "check that the server is running and the URL is right; for the bundled model use --model local")
        } catch is CompletionError {
            // The server answers but has no usable model list; the model id stays unknown.
            return Ready(endpoint: endpoint, modelId: nil, targetName: targetName)
        }
    }
}
