import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

/// `proctor monitor` and the CodeCarbon export on the command line.
@Suite("proctor monitor (command line)")
struct MonitorCommandTests {
    let cli = CommandLineRunner()

    @Test("a recording of a process tree: its samples in the store, its totals labelled, CodeCarbon's columns on export")
    func recordsAndExports() async throws {
        try await withTemporaryDirectory { directory in
            let store = directory.appendingPathComponent("m.db").path
            let output = try await cli.run(
                ["monitor", "--pid", String(getpid()), "--interval", "200ms", "--duration", "1s", "--country", "FRA", "--json", "--store", store],
                directory: directory)
            #expect(output.status == 0, "\(output.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
            let resources = try #require(object["resources"] as? [String: Any])
            #expect((resources["totalJoules"] as? Double ?? 0) > 0)
            #expect(resources["energySource"] as? String == "estimated")
            let carbon = try #require(resources["carbon"] as? [String: Any])
            #expect(carbon["gramsPerKWh"] as? Double == 56.039)
            let database = try ProctorDatabase(path: store)
            let run = try #require(try await database.runs().first)
            #expect(run.monitor?.pids == [Int(getpid())])
            #expect(try await database.resourceSamples(runId: run.id).count >= 3)

            let csv = try await cli.run(["runs", "export", run.id, "--format", "codecarbon", "--store", store], directory: directory)
            #expect(csv.status == 0, "\(csv.stderr)")
            let lines = csv.stdout.split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines[0].hasPrefix("timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed"))
            let header = lines[0].split(separator: ",").map(String.init)
            let row = Self.fields(String(lines[1]))
            #expect(row.count == header.count)
            let field = { (name: String) in row[header.firstIndex(of: name)!] }
            #expect(field("run_id") == run.id)
            #expect(field("country_iso_code") == "FRA")
            #expect(field("tracking_mode") == "process")
            #expect((Double(field("energy_consumed")) ?? 0) > 0)
            let kWh = (resources["totalJoules"] as? Double ?? 0) / 3.6e6
            #expect(abs((Double(field("energy_consumed")) ?? 0) - kWh) < 1e-12)
        }
    }

    /// RFC 4180 fields of one line (quotes around fields with commas).
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            switch character {
            case "\"" where quoted && characters.first == "\"":
                current.append("\"")
                characters = characters.dropFirst()
            case "\"": quoted.toggle()
            case "," where !quoted:
                fields.append(current)
                current = ""
            default: current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    @Test("bad input exits 2 naming the option: an unknown country, a missing process, a run with no recording")
    func badInput() async throws {
        try await withTemporaryDirectory { directory in
            let store = directory.appendingPathComponent("m.db").path
            let country = try await cli.run(["monitor", "--duration", "1s", "--country", "XX", "--store", store], directory: directory)
            #expect(country.status == 2)
            #expect(country.stderr.contains("--country XX"), "\(country.stderr)")
            let pid = try await cli.run(["monitor", "--duration", "1s", "--pid", "999999999", "--store", store], directory: directory)
            #expect(pid.status == 2)
            #expect(pid.stderr.contains("--pid 999999999: no such process"), "\(pid.stderr)")
            let database = try ProctorDatabase(path: store)
            try await database.insert(Fixtures.run(id: "rx", sampleIds: ["a"]))
            let export = try await cli.run(["runs", "export", "rx", "--format", "codecarbon", "--store", store], directory: directory)
            #expect(export.status == 2)
            #expect(export.stderr.contains("has no monitor recording"), "\(export.stderr)")
        }
    }
}
