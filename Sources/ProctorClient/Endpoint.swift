import Foundation
public import ProctorCore

/// Where to send chat requests: an OpenAI-compatible base URL and the model name to ask for.
///
/// The API key is never held here, only the name of the environment variable that holds it, so an
/// endpoint can be stored, logged or printed without leaking a secret.
///
/// ```swift
/// let endpoint = try Endpoint(baseURL: "http://127.0.0.1:8000/v1", model: "qwen")
/// ```
public struct Endpoint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The API root, ending in `/v1` for most servers; requests go to `baseURL/chat/completions`.
    public var baseURL: String
    /// The model name sent in each request.
    public var model: String
    /// The environment variable that holds the API key, if the server needs one.
    public var apiKeyEnvironmentVariable: String?
    /// Extra headers to send (never secrets: use the key variable for those).
    public var headers: [String: String]
    /// What the endpoint charges per million tokens, when the config says.
    public var prices: TokenPrices?

    /// Creates an endpoint, checking the URL. A URL with no path gets `/v1`.
    public init(
        baseURL: String, model: String, apiKeyEnvironmentVariable: String? = nil, headers: [String: String] = [:],
        prices: TokenPrices? = nil
    ) throws(EndpointError) {
        guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host != nil
        else {
            throw EndpointError("'\(baseURL)' is not an http(s) URL; give one like http://127.0.0.1:8000/v1")
        }
        var root = baseURL
        while root.hasSuffix("/") { root.removeLast() }
        if url.path.isEmpty || url.path == "/" { root += "/v1" }
        self.baseURL = root
        self.model = model
        self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
        self.headers = headers
        self.prices = prices
    }

    /// The URL of the chat completions route.
    public var chatCompletionsURL: String { baseURL + "/chat/completions" }
    /// The URL of the model list route.
    public var modelsURL: String { baseURL + "/models" }

    /// Reads the API key from the environment, if a variable is named and set.
    func apiKey(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let name = apiKeyEnvironmentVariable, let key = environment[name], !key.isEmpty else { return nil }
        return key
    }

    /// `model @ baseURL`; the key is never part of it.
    public var description: String { "\(model) @ \(baseURL)" }
}

/// An endpoint that cannot be used as given.
public struct EndpointError: ProctorFailure, Sendable {
    /// What is wrong and what to do.
    public var message: String
    /// ``ErrorCode/badInput``: the endpoint's configuration is the user's to fix.
    public var code: ErrorCode { .badInput }
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
