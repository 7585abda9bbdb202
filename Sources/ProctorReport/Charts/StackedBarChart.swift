/// Vertical bars split into parts: errors by class per load level, or win/tie/loss per pair.
public struct StackedBarChart: Sendable {
    /// One bar.
    public struct Bar: Sendable {
        /// Label under the bar.
        public var label: String
        /// Part values, in the order of ``StackedBarChart/parts``.
        public var values: [Double]
        /// Creates a bar.
        public init(label: String, values: [Double]) {
            self.label = label
            self.values = values
        }
    }

    /// Title.
    public var title: String
    /// y-axis label.
    public var yLabel: String
    /// Names of the parts (the legend).
    public var parts: [String]
    /// The bars.
    public var bars: [Bar]
    /// Values are shares shown as percent.
    public var percent: Bool

    /// Creates a chart.
    public init(title: String, yLabel: String, parts: [String], bars: [Bar], percent: Bool = false) {
        self.title = title
        self.yLabel = yLabel
        self.parts = parts
        self.bars = bars
        self.percent = percent
    }

    /// The chart as inline SVG.
    public func render(width: Double = 560, height: Double = 280) -> String {
        var svg = SVG(width: width, height: height, label: title)
        let left = 56.0, right = width - 140, top = 28.0, bottom = height - 40
        let totals = bars.map { $0.values.reduce(0, +) } + [percent ? 0.01 : 1]
        let y = LinearScale(domain: LinearScale.extent(totals, fromZero: true), range: (bottom, top))
        svg.heading(title)
        svg.horizontalGrid(y, left: left, right: right) { percent ? LinearScale.label($0 * 100) + "%" : LinearScale.label($0) }
        svg.text(14, (top + bottom) / 2, yLabel, anchor: "middle", size: 11, rotate: true)
        let slot = (right - left) / Double(max(bars.count, 1))
        for (index, bar) in bars.enumerated() {
            var base = 0.0
            let x = left + slot * Double(index) + slot * 0.15
            for (part, value) in bar.values.enumerated() where value > 0 {
                svg.rect(x, y(base + value), slot * 0.7, y(base) - y(base + value), fill: Palette.color(part + 3),
                         title: "\(bar.label) · \(parts[part]): \(percent ? LinearScale.label(value * 100) + "%" : LinearScale.label(value))")
                base += value
            }
            svg.text(x + slot * 0.35, bottom + 14, bar.label, anchor: "middle", size: 10)
        }
        svg.line(left, bottom, right, bottom, stroke: "#666")
        for (index, part) in parts.enumerated() {
            svg.rect(right + 10, top + Double(index) * 16, 10, 10, fill: Palette.color(index + 3))
            svg.text(right + 24, top + 9 + Double(index) * 16, part, size: 10)
        }
        return svg.render()
    }
}
