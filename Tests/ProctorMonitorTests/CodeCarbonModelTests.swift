import Foundation
import ProctorCore
import Testing

@testable import ProctorMonitor

/// Expected values were computed with CodeCarbon 3.3.2's own functions.
@Suite("CodeCarbon's model")
struct CodeCarbonModelTests {
    @Test("machine CPU power: TDP · (0.1 + 0.9 · load³)")
    func machine() {
        #expect(CodeCarbonModel.machineCPUWatts(tdp: 85, percent: 0, model: "x") == 8.5)
        #expect(abs(CodeCarbonModel.machineCPUWatts(tdp: 85, percent: 50, model: "x") - 85 * (0.1 + 0.9 * 0.125)) < 1e-12)
        #expect(CodeCarbonModel.machineCPUWatts(tdp: 85, percent: 100, model: "x") == 85)
        #expect(CodeCarbonModel.machineCPUWatts(tdp: 100, percent: 5, model: "AMD Ryzen Threadripper 3990X") == 2.5)
    }

    @Test("process CPU power: TDP · CPU-seconds per second / CPUs")
    func process() {
        #expect(CodeCarbonModel.processCPUWatts(tdp: 8, cpuSeconds: 1.5, seconds: 1, cpuCount: 2) == 6)
        #expect(CodeCarbonModel.processCPUWatts(tdp: 8, cpuSeconds: 1, seconds: 0, cpuCount: 2) == 0)
    }

    @Test("RAM power by estimated DIMMs, as CodeCarbon computes it", arguments: [
        (0.5, 1, 10.0), (2, 1, 10), (8, 2, 10), (24, 4, 20), (48, 4, 20), (100, 8, 38), (256, 8, 38), (1024, 8, 38),
    ])
    func ram(gigabytes: Double, dimms: Int, watts: Double) {
        #expect(CodeCarbonModel.dimmCount(gigabytes: gigabytes) == dimms)
        #expect(abs(CodeCarbonModel.ramWatts(gigabytes: gigabytes) - watts) < 1e-9)
    }

    @Test("CPU models match CodeCarbon's table as CodeCarbon matches them", arguments: [
        ("AMD EPYC", nil), ("Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz", "Intel Xeon Gold 6148"),
        ("AMD EPYC 7763 64-Core Processor", "AMD EPYC 7763"), ("Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz", "Intel Core i7-8700"),
        ("Intel(R) Xeon(R) Processor", nil), ("AMD Ryzen 9 5950X 16-Core Processor", "AMD Ryzen 9 5950X"),
    ] as [(String, String?)])
    func table(model: String, expected: String?) throws {
        let table = try CPUPowerTable.bundled()
        #expect(table.rows.count == 4914)
        #expect(table.skippedRows == [1774, 1784, 1785, 1787])  // old Celerons with ranges like `27.29.5` as TDP
        #expect(table.match(model)?.name == expected)
    }

    @Test("an unknown model counts threads × 4 W and says so")
    func fallback() throws {
        let rating = try CPUPowerTable.bundled().rating(model: "AMD EPYC", threads: 2)
        #expect(rating.watts == 8)
        #expect(rating.source.contains("2 threads × 4 W"))
        let known = try CPUPowerTable.bundled().rating(model: "AMD EPYC 7763 64-Core Processor", threads: 128, sockets: 2)
        #expect(known.watts == 2 * (try #require(CPUPowerTable.bundled().match("AMD EPYC 7763")).watts))
    }

    @Test("carbon intensity: the flag, else the country, else the world average, each naming its source")
    func carbon() throws {
        let table = try CarbonIntensityTable.bundled()
        #expect(try table.intensity(country: "fra").gramsPerKWh == 56.039)
        #expect(try table.intensity(country: "USA").source.contains("United States"))
        #expect(try table.resolve(gramsPerKWh: 100, country: "FRA").gramsPerKWh == 100)
        #expect(try table.resolve(gramsPerKWh: nil, country: nil).gramsPerKWh == 475)
        #expect(throws: MonitorError.self) { try table.intensity(country: "XX") }
        #expect(throws: MonitorError.self) { try table.resolve(gramsPerKWh: -1, country: nil) }
    }

    @Test("nvidia-smi's CSV, with unsupported fields as missing")
    func nvidiaSMI() throws {
        let rows = try NvidiaSMI.parse("0, NVIDIA H200, 120.50, 37, 1024, 143771\n1, NVIDIA H200, [N/A], [Not Supported], 0, 143771\n")
        #expect(rows.count == 2)
        #expect(rows[0].watts == 120.5)
        #expect(rows[0].memoryUsedBytes == Int64(1024 * 1_048_576))
        #expect(rows[1].watts == nil)
        #expect(rows[1].utilization == nil)
        #expect(throws: MonitorError.self) { try NvidiaSMI.parse("0, H200, 1\n") }
    }
}
