/// Dots with whiskers, one row each: accuracies with their Wilson intervals, or — with a zero
/// line — a forest plot of paired differences with their intervals.
public struct IntervalChart: Sendable {
    /// One row.
    public struct Row: Sendable {
        /// Label at the left.
        public var label: String
        /// The point estimate.
        public var value: Double
        /// Interval low end.
        public var low: Double
        /// Interval high end.
        public var high: Double
        /// Text at the right (n, p).
        public var note: String
        /// Creates a row.
        public init(label: String, value: Double, low: Double, high: Double, note: String) {
            self.label = label
            self.value = value
            self.low = low
            self.high = high
            self.note = note
        }
    }

    /// Title.
    public var title: String
    /// Axis label.
    public var axis: String
    /// Rows, top to bottom.
    public var rows: [Row]
    /// Whether to draw a zero line (a forest plot of differences).
    public var zeroLine: Bool
    /// Values are shares shown as percent.
    public var percent: Bool

    /// Creates a chart.
    public init(title: String, axis: String, rows: [Row], zeroLine: Bool = false, percent: Bool = true) {
        self.title = title
        self.axis = axis
        self.rows = rows
        self.zeroLine = zeroLine
        self.percent = percent
    }

    /// The chart as inline SVG.
    public func render(width: Double = 640) -> String {
        let rowHeight = 22.0
        let height = 56 + rowHeight * Double(rows.count)
        var svg = SVG(width: width, height: height, label: title)
        let left = 200.0, right = width - 150, top = 30.0, bottom = height - 24
        var values = rows.flatMap { [$0.low, $0.high, $0.value] }
        if !zeroLine && percent { values += [0, 1] }
        let x = LinearScale(domain: LinearScale.extent(values, fromZero: zeroLine), range: (left, right))
        svg.heading(title)
        for tick in x.ticks {
            svg.line(x(tick), top, x(tick), bottom, stroke: "#eee")
            svg.text(x(tick), bottom + 14, percent ? LinearScale.label(tick * 100) + (zeroLine ? " pp" : "%") : LinearScale.label(tick), anchor: "middle", size: 10)
        }
        if zeroLine { svg.line(x(0), top, x(0), bottom, stroke: "#444", dashed: true) }
        for (index, row) in rows.enumerated() {
            let cy = top + rowHeight * (Double(index) + 0.5)
            let color = zeroLine ? (row.high < 0 ? "#D55E00" : row.low > 0 ? "#009E73" : "#0072B2") : Palette.color(0)
            svg.text(left - 8, cy + 4, row.label, anchor: "end", size: 11)
            svg.line(x(row.low), cy, x(row.high), cy, stroke: color, width: 2)
            svg.line(x(row.low), cy - 4, x(row.low), cy + 4, stroke: color, width: 2)
            svg.line(x(row.high), cy - 4, x(row.high), cy + 4, stroke: color, width: 2)
            svg.circle(x(row.value), cy, r: 4, fill: color, title: "\(row.label): \(row.note)")
            svg.text(right + 8, cy + 4, row.note, size: 10)
        }
        svg.text((left + right) / 2, height - 2, axis, anchor: "middle", size: 11)
        return svg.render()
    }
}
