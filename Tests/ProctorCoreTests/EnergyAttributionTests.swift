import Foundation
import Testing

@testable import ProctorCore

@Suite("Energy attribution")
struct EnergyAttributionTests {
    @Test("power is split equally among requests in flight; time with none in flight is idle")
    func exact() {
        // 10 W from 0 to 10 s. A: 1–5, B: 3–7. Idle 0–1 and 7–10 = 40 J.
        let result = EnergyAttribution.share(
            [.init(start: 0, end: 4, joules: 40), .init(start: 4, end: 10, joules: 60)],
            among: [.init(start: 1, end: 5), .init(start: 3, end: 7)])
        // A: 1–3 alone (20 J) + 3–5 shared (10 J) = 30 J; B: 3–5 shared (10 J) + 5–7 alone (20 J) = 30 J.
        #expect(abs(result.requestJoules[0] - 30) < 1e-9)
        #expect(abs(result.requestJoules[1] - 30) < 1e-9)
        #expect(abs(result.idleJoules - 40) < 1e-9)
        #expect(result.totalJoules == 100)
    }

    @Test("a request outside the samples gets only the covered part; a gap between samples has no energy")
    func coverage() {
        let result = EnergyAttribution.share(
            [.init(start: 0, end: 2, joules: 4), .init(start: 5, end: 6, joules: 3)], among: [.init(start: 1, end: 10)])
        #expect(abs(result.requestJoules[0] - (2 + 3)) < 1e-9)
        #expect(abs(result.idleJoules - 2) < 1e-9)
    }

    private func unit(_ random: inout SplitMix64) -> Double { Double(random.next() >> 11) / Double(1 << 53) }

    @Test("samples that overlap by a clock tick keep every interval's energy (an end no longer zeroes the next one's power)")
    func overlappingSamples() {
        let result = EnergyAttribution.share(
            [.init(start: 0, end: 1.000001, joules: 10), .init(start: 1, end: 2, joules: 10), .init(start: 2, end: 3, joules: 10)], among: [])
        #expect(abs(result.idleJoules - 30) < 1e-9)
        #expect(result.totalJoules == 30)
    }

    @Test("conservation: requests plus idle equal the total, for random load", arguments: [1, 2, 3, 4, 5])
    func conservation(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var intervals: [EnergyAttribution.Interval] = []
        var time = 0.0
        for _ in 0..<300 {
            let length = 0.5 + unit(&random)
            intervals.append(.init(start: time, end: time + length, joules: 5 + 100 * unit(&random)))
            time += length
        }
        let requests = (0..<5000).map { _ in
            let start = -5 + (time + 10) * unit(&random)
            return EnergyAttribution.Request(start: start, end: start + 3 * unit(&random))
        }
        let result = EnergyAttribution.share(intervals, among: requests)
        let total = intervals.reduce(0) { $0 + $1.joules }
        #expect(abs(result.totalJoules - total) < 1e-9 * total)
        #expect(abs(result.requestJoules.reduce(0, +) + result.idleJoules - total) < 1e-9 * total)
        #expect(result.requestJoules.allSatisfy { $0 >= -1e-9 })
    }

    static func sample(end: Double, duration: Double, watts: Double, cpu: Double, source: EnergySource = .estimated("model")) -> ResourceSample {
        ResourceSample(
            time: Date(timeIntervalSince1970: end), duration: duration, cpuPercent: cpu, memoryUsedBytes: 1000, memoryTotalBytes: 4000,
            processCPUSeconds: duration / 2, processRSSBytes: 100, energy: [EnergyReading(component: "cpu", joules: watts * duration, source: source)])
    }

    @Test("a load run's summary: steady-state energy per level, requests plus idle equal the total, carbon named")
    func summary() throws {
        var samples: [ResourceSample] = []
        for second in 1...20 {
            let watts: Double = second <= 10 ? 10 : 20
            samples.append(Self.sample(end: 1000 + Double(second), duration: 1, watts: watts, cpu: 50))
        }
        let timeline = ResourceTimeline(samples: samples)
        let metrics = { (duration: Double) in
            LoadLevelAccumulator().metrics(duration: duration)
        }
        let levels = [
            ResourceSummary.TimedLevel(level: LoadReport.Level(level: 0, phase: "closed", load: 1, unit: "users", metrics: metrics(10)), start: 1000),
            ResourceSummary.TimedLevel(level: LoadReport.Level(level: 1, phase: "closed", load: 2, unit: "users", metrics: metrics(10)), start: 1010),
        ]
        var requests: [ResourceSummary.TimedRequest] = []
        for index in 0..<10 {
            let start = 1000.5 + Double(index)
            requests.append(ResourceSummary.TimedRequest(level: 0, start: start, end: start + 0.5, outputTokens: 10, succeeded: true))
        }
        for index in 0..<20 {
            let start = 1010 + Double(index) / 2
            requests.append(ResourceSummary.TimedRequest(level: 1, start: start, end: start + 0.5, outputTokens: 5, succeeded: true))
        }
        let summary = ResourceSummary(
            requests: requests, levels: levels, window: 1000...1020, timeline: timeline, monitorRunIds: ["m1"], carbon: .worldAverage)
        #expect(summary.totalJoules == 300)
        #expect(abs(summary.requestJoules + summary.idleJoules - summary.totalJoules) < 1e-9)
        #expect(abs(summary.idleJoules - 50) < 1e-9)  // level 0 is idle half of each second
        #expect(summary.energySource == "estimated")
        #expect(abs(summary.carbonGrams - 300 / 3.6e6 * 475) < 1e-12)
        #expect(summary.levels.count == 2)
        #expect(summary.levels[0].joules == 80)  // 1001–1009 at 10 W
        #expect(summary.levels[1].joules == 160)
        #expect(summary.levels[0].cpuPercent == 50)
        #expect(summary.levels[0].processCPUs == 0.5)
        #expect(summary.levels[0].completed == 8)  // ended in [1001, 1009)
        #expect(summary.levels[0].joulesPerRequest == 10)
        #expect(summary.levels[1].joulesPerOutputToken == 160.0 / Double(16 * 5))
        #expect(abs(summary.levels[0].requestJoules - 50) < 1e-9)
        #expect(abs(summary.levels[1].requestJoules - 200) < 1e-9)
    }

    @Test("measured and estimated parts together are labelled partly estimated, never measured")
    func labels() {
        #expect(EnergySource.combined([.measured("rapl"), .estimated("ram")]) == "partly estimated")
        #expect(EnergySource.combined([.measured("rapl")]) == "measured")
        #expect(EnergySource(stored: "measured:nvml-energy-counter") == .measured("nvml-energy-counter"))
        #expect(EnergySource(stored: "whatever") == .estimated(""))
    }
}
