import Foundation
public import ProctorCore

/// A run's energy as CodeCarbon's `emissions.csv`: the same columns in the same order and units
/// (seconds, kg, W, kWh, GB), so dashboards built for CodeCarbon read Proctor's runs. One row per
/// run; fields CodeCarbon fills from Python or a cloud lookup are empty.
public enum CodeCarbonCSV {
    /// CodeCarbon 3.3's columns (`output_methods/emissions_data.py`).
    public static let columns = [
        "timestamp", "project_name", "run_id", "experiment_id", "duration", "emissions", "emissions_rate", "cpu_power", "gpu_power",
        "ram_power", "cpu_energy", "gpu_energy", "ram_energy", "energy_consumed", "water_consumed", "country_name",
        "country_iso_code", "region", "cloud_provider", "cloud_region", "os", "python_version", "codecarbon_version", "cpu_count",
        "cpu_model", "gpu_count", "gpu_model", "longitude", "latitude", "ram_total_size", "tracking_mode",
        "cpu_utilization_percent", "gpu_utilization_percent", "ram_utilization_percent", "ram_used_gb", "on_cloud", "pue", "wue",
    ]

    /// The header and `run`'s row.
    public static func csv(run: Run, loaded: ResourceSummaryLoader.Loaded) -> String {
        let summary = loaded.summary
        let from = loaded.window.lowerBound
        let to = loaded.window.upperBound
        let seconds = max(summary.coveredSeconds, 1e-9)
        let kWh = { (joules: Double) in joules / 3.6e6 }
        let component = { (name: String) in summary.joulesByComponent[name] ?? 0 }
        let timeline = loaded.timeline
        let memoryUsed = timeline.mean(from: from, to: to) { Double($0.memoryUsedBytes) } ?? 0
        let memoryTotal = timeline.mean(from: from, to: to) { Double($0.memoryTotalBytes) } ?? 0
        let gpuUtilization = timeline.mean(from: from, to: to) { $0.gpuUtilizationPercent }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let recording = loaded.recording
        let values: [String] = [
            formatter.string(from: Date(timeIntervalSince1970: to)), "proctor", run.id, run.kind.rawValue, number(summary.coveredSeconds),
            number(summary.carbonGrams / 1000), number(summary.carbonGrams / 1000 / seconds), number(component("cpu") / seconds),
            number(component("gpu") / seconds), number(component("ram") / seconds), number(kWh(component("cpu"))),
            number(kWh(component("gpu"))), number(kWh(component("ram"))), number(kWh(summary.totalJoules)), "0",
            summary.carbon.countryName ?? "", summary.carbon.countryCode ?? "", "", "", "", run.machine.os, "", "",
            String(recording.cpuCount), recording.cpuModel, String(recording.gpus.count), recording.gpus.first ?? "", "", "",
            number(recording.memoryGB), recording.pids.isEmpty ? "machine" : "process",
            number(timeline.mean(from: from, to: to) { $0.cpuPercent } ?? 0), number(gpuUtilization ?? 0),
            number(memoryTotal > 0 ? 100 * memoryUsed / memoryTotal : 0), number(memoryUsed / 1_073_741_824), "N", "1", "0",
        ]
        return columns.joined(separator: ",") + "\n" + values.map(field).joined(separator: ",") + "\n"
    }

    private static func number(_ value: Double) -> String {
        value.isFinite ? String(value) : ""
    }

    /// RFC 4180 quoting where a field needs it.
    private static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
