import Foundation

/// A recording's samples as a function of time: the energy and the time-weighted resource means
/// over any window, with partly covered intervals prorated. Level summaries and the per-level
/// correlation table read windows of it.
public struct ResourceTimeline: Sendable {
    /// The samples, in time order.
    public let samples: [ResourceSample]

    /// A timeline of `samples` (sorted here).
    public init(samples: [ResourceSample]) {
        self.samples = samples.sorted { $0.time < $1.time }
    }

    /// The samples as constant-power intervals on the Unix-time clock.
    public var intervals: [EnergyAttribution.Interval] {
        samples.map {
            let end = $0.time.timeIntervalSince1970
            return EnergyAttribution.Interval(start: end - $0.duration, end: end, joules: $0.joules)
        }
    }

    /// From the first sample's start to the last one's end, Unix seconds; `nil` without samples.
    public var span: ClosedRange<Double>? {
        guard let first = samples.first, let last = samples.last else { return nil }
        let start = samples.map { $0.start.timeIntervalSince1970 }.min() ?? first.start.timeIntervalSince1970
        let end = last.time.timeIntervalSince1970
        return end > start ? start...end : nil
    }

    /// Seconds of [`from`, `to`) that samples cover.
    public func coveredSeconds(from: Double, to: Double) -> Double {
        weighted(from: from, to: to) { _ in 1 }.weight
    }

    /// Joules used in [`from`, `to`), prorating the intervals at its edges.
    public func joules(from: Double, to: Double) -> Double {
        weighted(from: from, to: to) { $0.duration > 0 ? $0.joules / $0.duration : 0 }.sum
    }

    /// Joules of one component (`cpu`, `gpu`, `ram`) in [`from`, `to`).
    public func joules(of component: String, from: Double, to: Double) -> Double {
        weighted(from: from, to: to) { sample in
            guard sample.duration > 0 else { return 0 }
            return sample.energy.filter { $0.component == component }.reduce(0) { $0 + $1.joules } / sample.duration
        }.sum
    }

    /// The time-weighted mean of `value` over [`from`, `to`), among samples where it exists.
    public func mean(from: Double, to: Double, _ value: (ResourceSample) -> Double?) -> Double? {
        let result = weighted(from: from, to: to, value)
        return result.weight > 0 ? result.sum / result.weight : nil
    }

    /// The energy sources seen in [`from`, `to`).
    public func sources(from: Double, to: Double) -> [EnergySource] {
        var seen: [EnergySource] = []
        for sample in overlapping(from: from, to: to) {
            for reading in sample.energy where !seen.contains(reading.source) { seen.append(reading.source) }
        }
        return seen
    }

    private func overlapping(from: Double, to: Double) -> [ResourceSample] {
        samples.filter {
            let end = $0.time.timeIntervalSince1970
            return end > from && end - $0.duration < to
        }
    }

    private func weighted(from: Double, to: Double, _ rate: (ResourceSample) -> Double?) -> (sum: Double, weight: Double) {
        var sum = 0.0
        var weight = 0.0
        for sample in overlapping(from: from, to: to) {
            guard let value = rate(sample) else { continue }
            let end = sample.time.timeIntervalSince1970
            let overlap = min(end, to) - max(end - sample.duration, from)
            guard overlap > 0 else { continue }
            sum += value * overlap
            weight += overlap
        }
        return (sum, weight)
    }
}
