import ProctorCore

/// A distribution as bars over equal-width bins, up to the 99.5th percentile so one stall does
/// not flatten the rest (the clipped tail is counted in the title).
public struct HistogramChart: Sendable {
    /// Title.
    public var title: String
    /// x-axis label.
    public var xLabel: String
    /// Bin counts.
    var counts: [Int]
    /// Bin edges' range.
    var range: ClosedRange<Double>
    /// Values beyond the range.
    var clipped: Int

    /// Bins `values` (already scaled to the axis unit) into `bins` bars.
    public init(title: String, xLabel: String, values: [Double], bins: Int = 40) {
        self.title = title
        self.xLabel = xLabel
        let sorted = values.filter(\.isFinite).sorted()
        let low = sorted.first ?? 0
        let high = max(Statistics.percentile(sorted: sorted, 99.5), low + 1e-9)
        range = low...high
        var counts = [Int](repeating: 0, count: bins)
        var clipped = 0
        for value in sorted {
            guard value <= high else { clipped += 1; continue }
            let index = min(bins - 1, Int((value - low) / (high - low) * Double(bins)))
            counts[index] += 1
        }
        self.counts = counts
        self.clipped = clipped
    }

    /// The histogram as inline SVG.
    public func render(width: Double = 560, height: Double = 240) -> String {
        let heading = clipped > 0 ? "\(title) (\(clipped) beyond p99.5 not drawn)" : title
        var svg = SVG(width: width, height: height, label: heading)
        let left = 56.0, right = width - 12, top = 28.0, bottom = height - 40
        let x = LinearScale(domain: range, range: (left, right), nice: false)
        let y = LinearScale(domain: 0...Double(max(counts.max() ?? 1, 1)), range: (bottom, top))
        svg.heading(heading)
        svg.horizontalGrid(y, left: left, right: right)
        let width = (right - left) / Double(max(counts.count, 1))
        let binWidth = (range.upperBound - range.lowerBound) / Double(max(counts.count, 1))
        for (index, count) in counts.enumerated() where count > 0 {
            let from = range.lowerBound + binWidth * Double(index)
            svg.rect(left + width * Double(index), y(Double(count)), width - 1, bottom - y(Double(count)), fill: Palette.color(0),
                     title: "\(LinearScale.label(from))–\(LinearScale.label(from + binWidth)): \(count)")
        }
        for fraction in stride(from: 0.0, through: 1.0, by: 0.25) {
            let value = range.lowerBound + (range.upperBound - range.lowerBound) * fraction
            svg.text(x(value), bottom + 14, LinearScale.label(value), anchor: "middle", size: 10)
        }
        svg.line(left, bottom, right, bottom, stroke: "#666")
        svg.text((left + right) / 2, height - 6, xLabel, anchor: "middle", size: 11)
        return svg.render()
    }
}
