import ProctorCore
import Testing

/// How a run's energy sources are listed for people.
@Suite("Energy sources")
struct EnergySourceTests {
    @Test("sources differing only in a sampled quantity are one entry with its range; others stay as they are")
    func summarised() {
        let sources: [EnergySource] = [
            .estimated("codecarbon-cpu-load(process):TDP 8 W"), .estimated("codecarbon-ram(process):0.31 GiB"),
            .estimated("codecarbon-ram(process):0.5 GiB"), .estimated("codecarbon-ram(process):1.63 GiB"),
            .measured("nvml-energy:GPU 0"), .estimated("rapl:package-0"), .estimated("rapl:package-1"),
        ]
        #expect(
            EnergySource.summarised(sources) == [
                "estimated:codecarbon-cpu-load(process):TDP 8 W", "estimated:codecarbon-ram(process):0.31–1.63 GiB",
                "measured:nvml-energy:GPU 0", "estimated:rapl:package-0, package-1",
            ])
        #expect(EnergySource.summarised([]) == [])
    }
}
