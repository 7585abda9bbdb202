import ArgumentParser
import Foundation
import ProctorClient
import ProctorCore
import ProctorTrain

/// `--model` and the options that refine it, shared by every command that talks to a server.
struct TargetOptions: ParsableArguments {
    @Option(
        name: .customLong("model"),
        help: ArgumentHelp(
            "`local` (the bundled engine), `local+NAME` (it with a LoRA adapter from `proctor finetune --name NAME`), "
                + "a name from the config file, or a base URL such as http://host:8000/v1; "
                + "`eval` takes several, one run each.",
            valueName: "model"))
    var models: [String] = []

    /// The first `--model`.
    var model: String? { models.first }

    @Option(name: .long, help: "The model name to request from a URL endpoint (default: the first one it lists).")
    var modelName: String?

    @Option(name: .long, help: "Environment variable holding the API key for a URL endpoint.")
    var apiKeyEnv: String?

    @Option(name: .long, help: "Config file with named endpoints.")
    var config: String = "proctor.yaml"

    /// What the target names.
    enum Target {
        /// The bundled engine, with a registered LoRA adapter for `local+NAME`.
        case local(adapter: String? = nil)
        /// A URL, with the model name if one was given.
        case url(String, modelName: String?, apiKeyEnv: String?)
        /// A named endpoint from the config file.
        case named(Endpoint)
    }

    /// Resolves `name` (or `--model`) to a target.
    func resolve(_ name: String? = nil, storedModelName: String? = nil) throws -> Target {
        guard let target = name ?? model else {
            throw ProctorError.badInput("no model given", hint: "pass --model local, --model NAME from \(config), or --model URL")
        }
        return try Self.resolve(target, modelName: modelName ?? storedModelName, apiKeyEnv: apiKeyEnv, config: config)
    }

    /// Resolves `target` as `--model` (or `--judge`) takes it: `local`, a URL, or a name in `config`.
    static func resolve(_ target: String, modelName: String?, apiKeyEnv: String?, config: String) throws -> Target {
        if target == "local" { return .local() }
        if target.hasPrefix("local+") {
            let name = String(target.dropFirst("local+".count))
            guard AdapterRegistry.isValidName(name) else {
                throw ProctorError.badInput(
                    "'\(target)' does not name an adapter", hint: "use local+NAME with the --name given to `proctor finetune`")
            }
            return .local(adapter: name)
        }
        if target.hasPrefix("http://") || target.hasPrefix("https://") {
            return .url(target, modelName: modelName, apiKeyEnv: apiKeyEnv)
        }
        guard FileManager.default.fileExists(atPath: config) else {
            throw ProctorError.badInput(
                "'\(target)' is not 'local', a URL, or a name in a config file: \(config) does not exist",
                hint: "use --model local, --model http://host:port/v1, or define '\(target)' under models: in \(config)")
        }
        let file = try EndpointConfigFile.load(path: config)
        guard let endpoint = file.endpoints[target] else {
            let known = file.endpoints.keys.sorted().joined(separator: ", ")
            throw ProctorError.badInput("\(config) defines no model named '\(target)' (it has: \(known.isEmpty ? "none" : known))")
        }
        return .named(endpoint)
    }
}
