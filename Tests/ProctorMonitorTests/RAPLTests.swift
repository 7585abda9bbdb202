import Foundation
import ProctorCore
import Testing

@testable import ProctorMonitor

@Suite("RAPL")
struct RAPLTests {
    @Test("a counter that wraps adds the range, so energy never goes negative")
    func wrap() {
        var counter = RAPLCounter(maxRangeMicrojoules: 262_143_328_850)
        #expect(counter.advance(to: 262_143_000_000) == nil)
        #expect(counter.advance(to: 262_143_328_000) == 0.328)
        let wrapped = counter.advance(to: 1_000_000)
        #expect(abs((wrapped ?? 0) - (0.000850 + 1.0)) < 1e-9)
    }

    private func makeDomain(_ root: URL, _ entry: String, name: String, energy: String, range: String = "1000000") throws {
        let folder = root.appendingPathComponent(entry)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try name.write(to: folder.appendingPathComponent("name"), atomically: true, encoding: .utf8)
        try energy.write(to: folder.appendingPathComponent("energy_uj"), atomically: true, encoding: .utf8)
        try range.write(to: folder.appendingPathComponent("max_energy_range_uj"), atomically: true, encoding: .utf8)
    }

    @Test("packages are summed, sub-domains are skipped, a wrap between reads is handled")
    func sensor() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rapl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try makeDomain(root, "intel-rapl:0", name: "package-0", energy: "900000\n")
        try makeDomain(root, "intel-rapl:1", name: "package-1", energy: "100\n")
        try makeDomain(root, "intel-rapl:0:0", name: "core", energy: "5\n")
        var sensor = try RAPLSensor(root: root.path)
        #expect(sensor.domains.map(\.name) == ["package-0", "package-1"])
        #expect(sensor.joulesSinceLastRead() == nil)
        try "100000".write(to: root.appendingPathComponent("intel-rapl:0/energy_uj"), atomically: true, encoding: .utf8)
        try "500100".write(to: root.appendingPathComponent("intel-rapl:1/energy_uj"), atomically: true, encoding: .utf8)
        let reading = sensor.joulesSinceLastRead()
        let joules = try #require(reading)
        #expect(abs(joules - (0.2 + 0.5)) < 1e-12)
    }

    @Test("no powercap folder is `absent`; an unreadable counter is `permission`, never 0 J")
    func unavailable() throws {
        #expect(throws: RAPLSensor.Unavailable.absent) { try RAPLSensor(root: "/nonexistent/powercap") }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rapl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try makeDomain(root, "intel-rapl:0", name: "package-0", energy: "1")
        let counter = root.appendingPathComponent("intel-rapl:0/energy_uj")
        try FileManager.default.removeItem(at: counter)
        try FileManager.default.createDirectory(at: counter, withIntermediateDirectories: false)  // unreadable as a file, even for root
        #expect(throws: RAPLSensor.Unavailable.permission(counter.path)) { try RAPLSensor(root: root.path) }
    }
}
