/// Latency limits a request must meet to count towards goodput: `ttft`, `tpot` and `e2el`, in
/// seconds. Parsed from `ttft=500ms,tpot=50ms,e2el=10s` (a bare number means milliseconds, as
/// in `vllm bench serve --goodput`).
public struct ServiceLevelObjectives: Sendable, Hashable, Codable {
    /// Time to first token limit.
    public var ttft: Double?
    /// Time per output token limit.
    public var tpot: Double?
    /// End-to-end latency limit.
    public var e2el: Double?

    /// No objectives.
    public init(ttft: Double? = nil, tpot: Double? = nil, e2el: Double? = nil) {
        self.ttft = ttft
        self.tpot = tpot
        self.e2el = e2el
    }

    /// Whether any objective is set.
    public var isEmpty: Bool { ttft == nil && tpot == nil && e2el == nil }

    /// Parses `key=value[unit],…` with keys `ttft`, `tpot`, `e2el` and units `us`, `ms`, `s`.
    public init(parsing text: String) throws(ProctorError) {
        self.init()
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
            guard parts.count == 2, let seconds = Self.seconds(parts[1]) else {
                throw .badInput("cannot read SLO '\(item)'", hint: "write e.g. --slo ttft=500ms,tpot=50ms,e2el=10s")
            }
            switch parts[0] {
            case "ttft": ttft = seconds
            case "tpot": tpot = seconds
            case "e2el": e2el = seconds
            default:
                throw .badInput("unknown SLO '\(parts[0])'", hint: "the SLOs are ttft, tpot and e2el")
            }
        }
    }

    private static func seconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let value = Double(text.dropLast(suffix.count)), value > 0 else { return nil }
            return value * scale
        }
        guard let value = Double(text), value > 0 else { return nil }
        return value * 1e-3
    }

    /// Whether a request with these figures meets every objective (`tpot` of a one-token
    /// answer counts as 0, as vllm does).
    public func isMet(ttft measuredTTFT: Double?, tpot measuredTPOT: Double?, e2el measuredE2EL: Double) -> Bool {
        if let ttft, (measuredTTFT ?? measuredE2EL) > ttft { return false }
        if let tpot, (measuredTPOT ?? 0) > tpot { return false }
        if let e2el, measuredE2EL > e2el { return false }
        return true
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
