public import Foundation
import ProctorCore
import Yams

/// Named endpoints from a `proctor.yaml` file.
///
/// ```yaml
/// models:
///   vllm-qwen:
///     url: http://gpu-box:8000/v1
///     model: Qwen/Qwen2.5-0.5B-Instruct
///     api_key_env: VLLM_API_KEY   # the variable's name, never the key
///     headers: { X-Team: evals }
///     prices: { input_per_million: 0.15, output_per_million: 0.60 }   # US dollars
/// ```
public struct EndpointConfigFile: Sendable {
    /// The endpoints by name.
    public var endpoints: [String: Endpoint]
    /// The file they were read from.
    public var path: String

    private struct FileBody: Decodable {
        struct Model: Decodable {
            var url: String?
            var model: String?
            var apiKeyEnv: String?
            var headers: [String: String]?
            var prices: Prices?
            enum CodingKeys: String, CodingKey {
                case url, model, headers, prices
                case apiKeyEnv = "api_key_env"
            }
        }
        struct Prices: Decodable {
            var inputPerMillion: Double?
            var outputPerMillion: Double?
            enum CodingKeys: String, CodingKey {
                case inputPerMillion = "input_per_million"
                case outputPerMillion = "output_per_million"
            }
        }
        var models: [String: Model]?
    }

    /// Reads `path`. Errors name the file and the field that is wrong.
    public static func load(path: String) throws(EndpointError) -> EndpointConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EndpointError("cannot read config file \(path)")
        }
        return try parse(data, path: path)
    }

    /// Parses a config file's bytes, read from `path` (which errors name); the fuzzer's way in.
    public static func parse(_ data: Data, path: String) throws(EndpointError) -> EndpointConfigFile {
        let body: FileBody
        do {
            body = try YAMLDecoder().decode(FileBody.self, from: data)
        } catch {
            throw EndpointError("\(path): not a valid Proctor config: \(error)")
        }
        var endpoints: [String: Endpoint] = [:]
        for (name, model) in body.models ?? [:] {
            guard let url = model.url else { throw EndpointError("\(path): models.\(name).url is missing") }
            guard let modelName = model.model else {
                throw EndpointError("\(path): models.\(name).model is missing (the model name the server serves)")
            }
            var prices: TokenPrices?
            if let given = model.prices {
                guard let input = given.inputPerMillion, let output = given.outputPerMillion, input >= 0, output >= 0 else {
                    throw EndpointError(
                        "\(path): models.\(name).prices needs input_per_million and output_per_million, both numbers ≥ 0 "
                            + "(US dollars per million tokens)")
                }
                prices = TokenPrices(inputPerMillion: input, outputPerMillion: output)
            }
            do {
                endpoints[name] = try Endpoint(
                    baseURL: url, model: modelName, apiKeyEnvironmentVariable: model.apiKeyEnv, headers: model.headers ?? [:],
                    prices: prices)
            } catch {
                throw EndpointError("\(path): models.\(name).url: \(error.message)")
            }
        }
        return EndpointConfigFile(endpoints: endpoints, path: path)
    }
}
