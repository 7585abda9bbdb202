import ArgumentParser
import Foundation
import ProctorCore

/// Parsers for `proctor load`'s values: lists, durations and percentages.
enum LoadOptionParsing {
    /// `1,2,4,8` → `[1, 2, 4, 8]`.
    static func numbers(_ text: String, option: String) throws -> [Double] {
        let values = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw ValidationError("\(option) takes positive numbers separated by commas, e.g. 1,2,4,8")
        }
        return values.compactMap { $0 }
    }

    /// `30s`, `500ms`, `2m` or a bare number of seconds.
    static func seconds(_ text: String, option: String) throws -> Double {
        let units: [(String, Double)] = [("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            if let value = Double(text.dropLast(suffix.count)), value >= 0 { return value * scale }
        }
        if let value = Double(text), value >= 0 { return value }
        throw ValidationError("\(option) takes a duration such as 30s, 500ms or 2m")
    }

    /// `1%` or `0.01` → 0.01.
    static func fraction(_ text: String, option: String) throws -> Double {
        if text.hasSuffix("%"), let value = Double(text.dropLast()), (0...100).contains(value) { return value / 100 }
        if let value = Double(text), (0...1).contains(value) { return value }
        throw ValidationError("\(option) takes a fraction such as 1% or 0.01")
    }

    /// `poisson`, `constant` or `gamma` (with `burstiness`).
    static func arrival(_ text: String, burstiness: Double) throws -> ArrivalProcess {
        switch text {
        case "poisson": return burstiness == 1 ? .poisson : .gamma(burstiness: burstiness)
        case "constant": return .constant
        case "gamma": return .gamma(burstiness: burstiness)
        default: throw ValidationError("--arrival is poisson, constant or gamma")
        }
    }
}
