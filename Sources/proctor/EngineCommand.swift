import ArgumentParser
import Foundation
import ProctorEngine

/// `proctor engine`: the bundled local engine (SmolLM2-135M-Instruct on llama.cpp).
struct EngineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Install, start, stop and inspect the bundled local engine (SmolLM2-135M-Instruct on llama.cpp).",
        subcommands: [Install.self, Start.self, Stop.self, Status.self])

    struct Install: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Build llama-server and fetch the model (once).")
        @Option(help: "Parallel build jobs (default: the number of cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        func run() async throws {
            try await reportingFailures {
                let manifest = try await EngineInstaller(buildJobs: jobs).install(progress: { Terminal.info($0) })
                Terminal.out("llama-server \(manifest.serverBinary)\nmodel        \(manifest.modelFile)")
            }
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a server that keeps running; `--model local` uses it until `proctor engine stop`.")
        @Option(help: "Requests the server decodes at once.")
        var parallel: Int = 4

        func run() async throws {
            try await reportingFailures {
                let engine = try await LocalEngine.installed(progress: { Terminal.info($0) })
                let server = try await engine.startDetached(parallel: parallel)
                Terminal.out("local engine running: http://127.0.0.1:\(server.port)/v1 (pid \(server.pid), model \(engine.manifest.modelName))")
            }
        }
    }

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the server started with `proctor engine start`.")

        func run() async throws {
            try await reportingFailures {
                if let server = try await LocalEngine.stopDetached() {
                    Terminal.out("stopped the local engine (pid \(server.pid))")
                } else {
                    Terminal.out("no local engine was running")
                }
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Say whether the engine is installed and running.")

        func run() async throws {
            try await reportingFailures {
                let paths = EnginePaths.default()
                if let manifest = EngineManifest.load(paths) {
                    Terminal.out("installed    \(manifest.modelName)\nllama-server \(manifest.serverBinary)\nmodel        \(manifest.modelFile)")
                } else {
                    Terminal.out("installed    no (proctor engine install, or any --model local command, installs it)")
                }
                if let server = DetachedServer.load(paths), server.isRunning {
                    let health = await server.isHealthy() ? "healthy" : "not answering its health check"
                    Terminal.out("running      http://127.0.0.1:\(server.port)/v1 (pid \(server.pid)), \(health)")
                } else {
                    Terminal.out("running      no")
                }
            }
        }
    }
}
