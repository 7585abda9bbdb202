import Foundation
import ProctorCore
import Testing

@testable import ProctorMonitor

/// NVML through a fake `libnvidia-ml.so` compiled from `Fixtures/fake_nvml.c`: the same symbols,
/// answers from a script, so CI without a GPU runs the loading and the energy arithmetic.
@Suite("NVML through a fake library")
struct NVMLTests {
    static let built: Result<URL, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fake-nvml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fake_nvml.c")
        let library = folder.appendingPathComponent("libnvidia-ml.so.1")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["cc", "-shared", "-fPIC", "-O1", "-o", library.path, source.path, "-ldl"]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw MonitorError(source: source.path, reason: "did not compile") }
        return library
    }

    /// A private copy of the fake library with `script`, so each test has its own state.
    func library(script: String) throws -> String {
        let built = try Self.built.get()
        let copy = built.deletingLastPathComponent().appendingPathComponent("libnvidia-ml-\(UUID().uuidString).so")
        try FileManager.default.copyItem(at: built, to: copy)
        try script.write(to: URL(fileURLWithPath: copy.path + ".script"), atomically: true, encoding: .utf8)
        return copy.path
    }

    @Test("the energy counter's deltas; a reset falls back to integrated power instead of going negative")
    func energyCounter() throws {
        let sensor = try GPUSensor(
            libraryPath: try library(script: "devices 1\nname Fake H200\nenergy 1000 2500 2400 5000\npower 100000 120000 140000 160000\nutil 40 10\nmemory 2048 8192\n"))
        #expect(sensor.names == ["Fake H200"])
        #expect(sensor.read(seconds: 0).energy.isEmpty)
        let first = sensor.read(seconds: 1)
        #expect(first.energy == [EnergyReading(component: "gpu", joules: 1.5, source: .measured("nvml-energy-counter"))])
        #expect(first.gpus == [GPUSample(index: 0, name: "Fake H200", utilizationPercent: 40, memoryUsedBytes: 2048, memoryTotalBytes: 8192, powerWatts: 120)])
        let reset = sensor.read(seconds: 1)
        #expect(reset.energy == [EnergyReading(component: "gpu", joules: 130, source: .measured("nvml-integrated-power"))])
        #expect(sensor.read(seconds: 1).energy.first?.joules == 2.6)
    }

    @Test("a GPU without the counter integrates power by the trapezoid rule")
    func integratedPower() throws {
        let sensor = try GPUSensor(libraryPath: try library(script: "devices 2\nenergy none\npower 100000 200000 300000 400000\n"))
        #expect(sensor.names.count == 2)
        _ = sensor.read(seconds: 0)  // device 0 reads 100 W, device 1 200 W
        let next = sensor.read(seconds: 2)  // 300 W and 400 W
        #expect(next.energy.map(\.joules) == [400.0, 600.0])
        #expect(next.energy.allSatisfy { $0.source == .measured("nvml-integrated-power") })
    }

    @Test("no library: a clear no-GPU state, and CPU and RAM still recorded")
    func absent() throws {
        let sampler = try ResourceSampler(configuration: MonitorConfiguration(nvmlLibrary: "/nonexistent/libnvidia-ml.so.1"))
        #expect(sampler.specification.gpus.isEmpty)
        #expect(sampler.specification.gpuState.hasPrefix("no GPU: /nonexistent/libnvidia-ml.so.1: cannot be loaded"))
        _ = try sampler.sample()
        let sample = try #require(try sampler.sample())
        #expect(Set(sample.energy.map(\.component)) == ["cpu", "ram"])
    }

    @Test("a sampler with the fake GPU records its energy beside the CPU's")
    func sampler() throws {
        let path = try library(script: "devices 1\nname Fake\nenergy 0 4000\npower 50000\n")
        let sampler = try ResourceSampler(configuration: MonitorConfiguration(nvmlLibrary: path))
        #expect(sampler.specification.gpus == ["Fake"])
        _ = try sampler.sample()
        let sample = try #require(try sampler.sample())
        #expect(sample.energy.first { $0.component == "gpu" }?.joules == 4)
        #expect(sample.gpus.first?.powerWatts == 50)
    }
}
