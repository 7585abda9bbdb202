/// A grid of values with a colour scale: MT-bench category × turn per run, or accuracy per
/// category.
public struct Heatmap: Sendable {
    /// Title.
    public var title: String
    /// Row labels.
    public var rows: [String]
    /// Column labels.
    public var columns: [String]
    /// `values[row][column]`, `nil` for an empty cell.
    public var values: [[Double?]]
    /// Tooltip per cell (n, interval).
    public var notes: [[String]]
    /// The scale's ends.
    public var domain: ClosedRange<Double>

    /// Creates a heatmap.
    public init(title: String, rows: [String], columns: [String], values: [[Double?]], notes: [[String]], domain: ClosedRange<Double>) {
        self.title = title
        self.rows = rows
        self.columns = columns
        self.values = values
        self.notes = notes
        self.domain = domain
    }

    /// The heatmap as inline SVG.
    public func render() -> String {
        let cellWidth = 84.0, cellHeight = 24.0, left = 130.0, top = 48.0
        let width = left + cellWidth * Double(columns.count) + 12
        let height = top + cellHeight * Double(rows.count) + 12
        var svg = SVG(width: width, height: height, label: title)
        svg.heading(title)
        for (index, column) in columns.enumerated() {
            svg.text(left + cellWidth * (Double(index) + 0.5), top - 8, column, anchor: "middle", size: 10)
        }
        for (r, row) in rows.enumerated() {
            let y = top + cellHeight * Double(r)
            svg.text(left - 6, y + 16, row, anchor: "end", size: 11)
            for c in columns.indices {
                let x = left + cellWidth * Double(c)
                let note = r < notes.count && c < notes[r].count ? notes[r][c] : ""
                guard r < values.count, c < values[r].count, let value = values[r][c] else {
                    svg.rect(x + 1, y + 1, cellWidth - 2, cellHeight - 2, fill: "#f4f4f4", title: "no value")
                    continue
                }
                let fraction = max(0, min(1, (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)))
                svg.rect(x + 1, y + 1, cellWidth - 2, cellHeight - 2, fill: Self.color(fraction), title: note)
                svg.text(x + cellWidth / 2, y + 16, LinearScale.label(value), anchor: "middle", size: 11, fill: fraction > 0.6 ? "#fff" : "#111")
            }
        }
        return svg.render()
    }

    /// White to deep blue.
    static func color(_ fraction: Double) -> String {
        let r = Int(247 - fraction * (247 - 8))
        let g = Int(251 - fraction * (251 - 69))
        let b = Int(255 - fraction * (255 - 148))
        return "rgb(\(r),\(g),\(b))"
    }
}
