import AsyncHTTPClient
import Testing

@testable import ProctorEngine

@Suite("Health probe")
struct HealthProbeTests {
    /// A traced evaluation on the local engine showed a `GET` span per health poll beside its
    /// model calls: the probes went through `HTTPClient.shared`, which traces with the
    /// bootstrapped tracer.
    @Test("the engine's health probes are never traced")
    func untraced() {
        #expect(HealthProbe.client.tracer == nil)
    }

    @Test("a port with nothing listening is not healthy")
    func nothingListening() async {
        #expect(await HealthProbe.isHealthy(port: 9) == false)
    }
}
