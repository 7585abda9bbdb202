import Foundation

/// A small SVG writer: typed shapes, numbers at fixed precision, and every text node and
/// attribute escaped. No SVG package is available here, and Plot leaves attributes unescaped,
/// so this is the one place charts become markup.
public struct SVG: Sendable {
    /// Width in user units.
    public var width: Double
    /// Height in user units.
    public var height: Double
    /// What the chart shows, for screen readers (`aria-label`).
    public var label: String
    private var elements: [String] = []

    /// An empty drawing.
    public init(width: Double, height: Double, label: String) {
        self.width = width
        self.height = height
        self.label = label
    }

    /// A number with at most two decimals, POSIX style.
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
    }

    private static func attribute(_ name: String, _ value: String) -> String {
        " \(name)=\"\(HTMLEscape.escape(value))\""
    }

    private static func title(_ text: String?) -> String {
        text.map { "<title>\(HTMLEscape.escape($0))</title>" } ?? ""
    }

    /// A straight line.
    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#999", width: Double = 1, dashed: Bool = false) {
        elements.append(
            "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\""
                + Self.attribute("stroke", stroke) + " stroke-width=\"\(Self.n(width))\"" + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>")
    }

    /// A rectangle, with a tooltip.
    public mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, opacity: Double = 1, title: String? = nil) {
        elements.append(
            "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, w)))\" height=\"\(Self.n(max(0, h)))\"" + Self.attribute("fill", fill)
                + (opacity < 1 ? " fill-opacity=\"\(Self.n(opacity))\"" : "") + ">" + Self.title(title) + "</rect>")
    }

    /// A circle, with a tooltip.
    public mutating func circle(_ cx: Double, _ cy: Double, r: Double, fill: String, title: String? = nil) {
        elements.append(
            "<circle cx=\"\(Self.n(cx))\" cy=\"\(Self.n(cy))\" r=\"\(Self.n(r))\"" + Self.attribute("fill", fill) + ">" + Self.title(title) + "</circle>")
    }

    /// A connected line through `points`.
    public mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.5) {
        guard !points.isEmpty else { return }
        let list = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
        elements.append("<polyline fill=\"none\" points=\"\(list)\"" + Self.attribute("stroke", stroke) + " stroke-width=\"\(Self.n(width))\"/>")
    }

    /// Text; `anchor` is `start`, `middle` or `end`.
    public mutating func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start", size: Double = 11, fill: String = "#333", rotate: Bool = false) {
        let transform = rotate ? " transform=\"rotate(-90 \(Self.n(x)) \(Self.n(y)))\"" : ""
        elements.append(
            "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\"" + Self.attribute("text-anchor", anchor) + " font-size=\"\(Self.n(size))\""
                + Self.attribute("fill", fill) + transform + ">" + HTMLEscape.escape(content) + "</text>")
    }

    /// The drawing as an inline `<svg>` element.
    public func render() -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" role=\"img\""
            + Self.attribute("aria-label", label) + ">" + elements.joined() + "</svg>"
    }
}

extension SVG {
    /// The chart's title, centred at the top.
    mutating func heading(_ title: String) {
        text(width / 2, 16, title, anchor: "middle", size: 13, fill: "#111")
    }

    /// Horizontal grid lines at `scale`'s ticks from `left` to `right`, labelled at the left.
    mutating func horizontalGrid(_ scale: LinearScale, left: Double, right: Double, label: (Double) -> String = LinearScale.label) {
        for tick in scale.ticks {
            line(left, scale(tick), right, scale(tick), stroke: "#e3e3e3")
            text(left - 4, scale(tick) + 4, label(tick), anchor: "end", size: 10)
        }
    }
}

/// A linear map from data to pixels with round tick values.
struct LinearScale {
    var domain: ClosedRange<Double>
    /// Pixel positions of the domain's low and high ends (a y axis runs downwards, so `from`
    /// may exceed `to`).
    var range: (from: Double, to: Double)

    init(domain: ClosedRange<Double>, range: (from: Double, to: Double), nice: Bool = true) {
        var low = domain.lowerBound.isFinite ? domain.lowerBound : 0
        var high = domain.upperBound.isFinite ? domain.upperBound : low + 1
        if high <= low { high = low + (low == 0 ? 1 : abs(low) * 0.1) }
        if nice {
            let step = Self.step(high - low)
            low = (low / step).rounded(.down) * step
            high = (high / step).rounded(.up) * step
        }
        self.domain = low...high
        self.range = range
    }

    /// The smallest and largest finite values (0…1 when there are none), widened to 0 when
    /// `fromZero`: never an inverted or non-finite range, whatever the data.
    static func extent(_ values: [Double], fromZero: Bool = false) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard var low = finite.min(), var high = finite.max() else { return 0...1 }
        if fromZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        return low...high
    }

    func callAsFunction(_ value: Double) -> Double {
        let fraction = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        return range.from + fraction * (range.to - range.from)
    }

    var ticks: [Double] {
        let step = Self.step(domain.upperBound - domain.lowerBound)
        var values: [Double] = []
        var value = (domain.lowerBound / step).rounded(.up) * step
        while value <= domain.upperBound + step * 1e-9, values.count < 12 {
            values.append(value)
            value += step
        }
        return values
    }

    static func step(_ span: Double) -> Double {
        let raw = span / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude
    }

    static func label(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1000 { return String(format: "%.0f", value) }
        if magnitude >= 10 || value == value.rounded() { return String(format: "%.0f", value) }
        if magnitude >= 1 { return String(format: "%.1f", value) }
        return String(format: "%.3g", value)
    }
}

/// The palette charts share, colour-blind safe (Okabe–Ito).
enum Palette {
    static let colors = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
    static func color(_ index: Int) -> String { colors[index % colors.count] }
}
