/// Lines over a shared x axis: latency percentiles against load, throughput against offered
/// load (with the y = x line of an open loop and the saturation point marked), or a time series
/// with the load levels shaded.
public struct LineChart: Sendable {
    /// One named line.
    public struct Series: Sendable {
        /// Legend name.
        public var name: String
        /// Points, in x order.
        public var points: [(x: Double, y: Double)]
        /// Creates a series.
        public init(name: String, points: [(x: Double, y: Double)]) {
            self.name = name
            self.points = points
        }
    }

    /// A shaded x range with a label (a load level over time).
    public struct Band: Sendable {
        /// Start.
        public var from: Double
        /// End.
        public var to: Double
        /// Label drawn at the top.
        public var label: String
        /// Creates a band.
        public init(from: Double, to: Double, label: String) {
            self.from = from
            self.to = to
            self.label = label
        }
    }

    /// Chart title.
    public var title: String
    /// x-axis label.
    public var xLabel: String
    /// y-axis label.
    public var yLabel: String
    /// The lines.
    public var series: [Series]
    /// A vertical marker (the saturation point) and its label.
    public var marker: (x: Double, label: String)?
    /// Whether to draw y = x (achieved against offered rate).
    public var identity = false
    /// Shaded ranges behind the lines.
    public var bands: [Band] = []
    /// Whether to start the y axis at zero.
    public var fromZero = true

    /// Creates a chart.
    public init(title: String, xLabel: String, yLabel: String, series: [Series]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    /// The chart as inline SVG.
    public func render(width: Double = 560, height: Double = 300) -> String {
        var svg = SVG(width: width, height: height, label: title)
        let left = 56.0, right = width - 12, top = 28.0, bottom = height - 40
        let xs = series.flatMap { $0.points.map(\.x) } + bands.flatMap { [$0.from, $0.to] } + (marker.map { [$0.x] } ?? [])
        var ys = series.flatMap { $0.points.map(\.y) }
        if identity { ys += xs }
        let x = LinearScale(domain: LinearScale.extent(xs), range: (left, right), nice: bands.isEmpty)
        let y = LinearScale(domain: LinearScale.extent(ys, fromZero: fromZero), range: (bottom, top))
        svg.heading(title)
        for (index, band) in bands.enumerated() {
            svg.rect(x(band.from), top, x(band.to) - x(band.from), bottom - top, fill: index % 2 == 0 ? "#eef3f8" : "#f8f8f8", title: band.label)
            svg.text((x(band.from) + x(band.to)) / 2, top + 11, band.label, anchor: "middle", size: 9, fill: "#666")
        }
        svg.horizontalGrid(y, left: left, right: right)
        for tick in x.ticks {
            svg.line(x(tick), bottom, x(tick), bottom + 4, stroke: "#999")
            svg.text(x(tick), bottom + 16, LinearScale.label(tick), anchor: "middle", size: 10)
        }
        svg.line(left, bottom, right, bottom, stroke: "#666")
        svg.line(left, top, left, bottom, stroke: "#666")
        svg.text(width / 2, height - 6, xLabel, anchor: "middle", size: 11)
        svg.text(14, (top + bottom) / 2, yLabel, anchor: "middle", size: 11, rotate: true)
        if identity {
            let low = max(x.domain.lowerBound, y.domain.lowerBound)
            let high = min(x.domain.upperBound, y.domain.upperBound)
            if high > low { svg.line(x(low), y(low), x(high), y(high), stroke: "#bbb", dashed: true) }
        }
        if let marker {
            svg.line(x(marker.x), top, x(marker.x), bottom, stroke: "#D55E00", width: 1.5, dashed: true)
            svg.text(x(marker.x) + 4, top + 24, marker.label, size: 10, fill: "#D55E00")
        }
        for (index, line) in series.enumerated() {
            let color = Palette.color(index)
            svg.polyline(line.points.map { (x($0.x), y($0.y)) }, stroke: color)
            if line.points.count <= 40 {
                for point in line.points {
                    svg.circle(x(point.x), y(point.y), r: 2.5, fill: color, title: "\(line.name): \(LinearScale.label(point.x)), \(LinearScale.label(point.y))")
                }
            }
            svg.rect(right - 130, top + 4 + Double(index) * 14, 10, 3, fill: color)
            svg.text(right - 116, top + 9 + Double(index) * 14, line.name, size: 10)
        }
        return svg.render()
    }
}
