import Foundation
import ProctorClient
import ProctorCore
import Testing

@Suite("proctor.yaml endpoints")
struct EndpointConfigFileTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func readsNamedEndpoints() throws {
        let path = try write("""
            models:
              qwen:
                url: http://gpu:8000/v1
                model: Qwen/Qwen2.5-0.5B-Instruct
                api_key_env: QWEN_KEY
                headers: {X-Team: evals}
                prices: {input_per_million: 0.15, output_per_million: 0.6}
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let endpoint = try #require(try EndpointConfigFile.load(path: path).endpoints["qwen"])
        #expect(endpoint.baseURL == "http://gpu:8000/v1")
        #expect(endpoint.model == "Qwen/Qwen2.5-0.5B-Instruct")
        #expect(endpoint.apiKeyEnvironmentVariable == "QWEN_KEY")
        #expect(endpoint.headers == ["X-Team": "evals"])
        #expect(endpoint.prices == TokenPrices(inputPerMillion: 0.15, outputPerMillion: 0.6))
    }

    @Test("errors name the file and the field", arguments: [
        ("models:\n  a:\n    model: m\n", "models.a.url is missing"),
        ("models:\n  a:\n    url: http://h/v1\n", "models.a.model is missing"),
        ("models:\n  a:\n    url: nope\n    model: m\n", "models.a.url"),
        ("models: [1, 2\n", "not a valid Proctor config"),
        ("models:\n  a:\n    url: http://h/v1\n    model: m\n    prices: {input_per_million: 1}\n", "models.a.prices needs"),
        ("models:\n  a:\n    url: http://h/v1\n    model: m\n    prices: {input_per_million: -1, output_per_million: 2}\n", "models.a.prices"),
    ])
    func errors(text: String, message: String) throws {
        let path = try write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: EndpointError.self) { try EndpointConfigFile.load(path: path) }
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect(error?.message.contains(path) == true)
    }
}
