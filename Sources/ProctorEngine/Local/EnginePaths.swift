public import Foundation
public import ProctorCore

/// Where the local engine lives: `$XDG_CACHE_HOME/proctor/engine`, else `~/.cache/proctor/engine`.
public struct EnginePaths: Sendable, Hashable {
    /// The engine's folder.
    public var root: URL

    /// The paths under `root`.
    public init(root: URL) {
        self.root = root
    }

    /// The default location, from the environment.
    public static func `default`(environment: [String: String] = ProcessInfo.processInfo.environment) -> EnginePaths {
        EnginePaths(root: cacheFolder(environment: environment).appendingPathComponent("engine"))
    }

    /// Proctor's cache folder, where every managed install lives (the engine, the trainer, adapters):
    /// `$XDG_CACHE_HOME/proctor`, else `~/.cache/proctor`.
    public static func cacheFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let cache: URL
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            cache = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
            cache = home.appendingPathComponent(".cache")
        }
        return cache.appendingPathComponent("proctor")
    }

    /// The Python virtual environment holding llama.cpp and the model.
    public var virtualEnvironment: URL { root.appendingPathComponent("venv") }
    /// The environment's Python.
    public var python: URL { virtualEnvironment.appendingPathComponent("bin/python") }
    /// The environment's pip.
    public var pip: URL { virtualEnvironment.appendingPathComponent("bin/pip") }
    /// The record of what was installed where.
    public var manifest: URL { root.appendingPathComponent("engine.json") }
    /// The record of a server started by `proctor engine start`.
    public var serverState: URL { root.appendingPathComponent("server.json") }
    /// The log of the most recent server.
    public var serverLog: URL { root.appendingPathComponent("server.log") }
    /// The log of the most recent install.
    public var installLog: URL { root.appendingPathComponent("install.log") }
}

/// What `proctor engine install` put in place.
public struct EngineManifest: Codable, Sendable, Hashable {
    /// The `llama-server` executable.
    public var serverBinary: String
    /// The GGUF model file.
    public var modelFile: String
    /// The model's name as Proctor reports it.
    public var modelName: String

    /// Creates a manifest.
    public init(serverBinary: String, modelFile: String, modelName: String) {
        self.serverBinary = serverBinary
        self.modelFile = modelFile
        self.modelName = modelName
    }

    /// Reads the manifest if it exists and everything it names is still there.
    public static func load(_ paths: EnginePaths) -> EngineManifest? {
        guard let data = FileManager.default.contents(atPath: paths.manifest.path),
            let manifest = try? JSONDecoder().decode(EngineManifest.self, from: data),
            FileManager.default.isExecutableFile(atPath: manifest.serverBinary),
            FileManager.default.fileExists(atPath: manifest.modelFile)
        else { return nil }
        return manifest
    }
}

/// The local engine could not be installed, started or stopped.
public struct EngineError: ProctorFailure, Sendable {
    /// What failed.
    public var message: String
    /// ``ErrorCode/dependencyFailed``.
    public var code: ErrorCode { .dependencyFailed }
    /// What to do about it.
    public var hint: String?
    /// Creates an error.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
    /// The message and hint.
    public var description: String { hint.map { "\(message)\n  hint: \($0)" } ?? message }
}
