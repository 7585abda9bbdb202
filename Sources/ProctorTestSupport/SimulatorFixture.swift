public import ProctorClient
public import ProctorEngine

/// Runs a simulator on a free loopback port for the length of a test.
///
/// ```swift
/// try await withSimulator(SimulatorConfiguration(slots: 2)) { endpoint in … }
/// ```
public func withSimulator<Result: Sendable>(
    _ configuration: SimulatorConfiguration = SimulatorConfiguration(),
    _ body: @Sendable (Endpoint) async throws -> Result
) async throws -> Result {
    try await SimulatorServer(configuration: configuration).withRunning { port in
        let endpoint = try Endpoint(baseURL: "http://127.0.0.1:\(port)/v1", model: configuration.modelName)
        return try await body(endpoint)
    }
}
