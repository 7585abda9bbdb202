import ProctorCore
import Testing

@testable import ProctorMonitor

@Suite("/proc parsing")
struct ProcParsingTests {
    static let stat = """
        cpu  2017230 2140 205153 965424 11141 0 4789 13538 0 0
        cpu0 952003 963 93876 552008 2185 0 1344 6836 0 0
        intr 123 0 0
        """

    @Test("the aggregate cpu line: busy is user+nice+system+irq+softirq+steal, idle is idle+iowait")
    func cpuTimes() throws {
        let times = try CPUTimes.parse(procStat: Self.stat)
        #expect(times.busy == 2_017_230 + 2140 + 205_153 + 0 + 4789 + 13538)
        #expect(times.idle == 965_424 + 11141)
        let later = CPUTimes(busy: times.busy + 150, idle: times.idle + 50)
        #expect(later.percent(since: times) == 75)
        #expect(times.percent(since: times) == 0)
    }

    @Test("a /proc/stat without a cpu line is an error naming the file")
    func cpuTimesMissing() {
        #expect(throws: MonitorError.self) { try CPUTimes.parse(procStat: "intr 1 2\n") }
        #expect(throws: MonitorError.self) { try CPUTimes.parse(procStat: "cpu  1 x 3 4\n") }
    }

    @Test("meminfo: used is total − available, in bytes")
    func meminfo() throws {
        let memory = try MemoryInfo.parse(
            procMeminfo: "MemTotal:       24576000 kB\nMemFree:         1000000 kB\nMemAvailable:   20480000 kB\nBuffers: 1 kB\n")
        #expect(memory.totalBytes == 24_576_000 * 1024)
        #expect(memory.usedBytes == (24_576_000 - 20_480_000) * 1024)
        #expect(throws: MonitorError.self) { try MemoryInfo.parse(procMeminfo: "MemTotal: 1 kB\n") }
    }

    @Test("a process name with spaces and parentheses does not shift the fields")
    func processStat() throws {
        let line =
            "4242 (llama (server) x) S 4200 4242 4200 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 5 0 999 123456789 2048 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0"
        let process = try ProcessStat.parse(line, path: "/proc/4242/stat")
        #expect(process.pid == 4242)
        #expect(process.name == "llama (server) x")
        #expect(process.parentPid == 4200)
        #expect(process.userTicks == 1234)
        #expect(process.systemTicks == 567)
        #expect(process.residentPages == 2048)
        #expect(throws: MonitorError.self) { try ProcessStat.parse("4242 llama S 1 2", path: "/proc/4242/stat") }
    }

    @Test("a tree holds the root and every descendant, and nothing else")
    func tree() {
        let processes = [(1, 0), (10, 1), (11, 10), (12, 11), (20, 1), (21, 20)].map {
            ProcessStat(pid: $0.0, name: "p", parentPid: $0.1, userTicks: 0, systemTicks: 0, residentPages: 0)
        }
        #expect(ProcessStat.tree(of: [10], in: processes) == [10, 11, 12])
        #expect(ProcessStat.tree(of: [10, 21], in: processes) == [10, 11, 12, 21])
        #expect(ProcessStat.tree(of: [99], in: processes).isEmpty)
    }

    @Test("the real /proc gives two samples with a process tree and estimated energy")
    func realSampler() throws {
        let sampler = try ResourceSampler(configuration: MonitorConfiguration(interval: 0.05, pids: [Int(getpid())], gpu: false))
        #expect(try sampler.sample() == nil)
        var x = 0.0
        for index in 0..<2_000_000 { x += Double(index).squareRoot() }
        #expect(x > 0)
        let sample = try #require(try sampler.sample())
        #expect(sample.duration > 0)
        #expect(sample.memoryTotalBytes > 0)
        #expect((sample.processRSSBytes ?? 0) > 0)
        #expect((sample.processCPUSeconds ?? -1) >= 0)
        let cpu = try #require(sample.energy.first { $0.component == "cpu" })
        #expect(!cpu.source.isMeasured)
        let ram = try #require(sample.energy.first { $0.component == "ram" })
        #expect(ram.joules > 0)
        #expect(sampler.specification.gpuState == "GPU monitoring off (--no-gpu)")
    }
}

import Foundation
