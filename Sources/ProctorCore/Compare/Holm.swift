/// Holm–Bonferroni adjustment across the significance tests of one comparison, so eighteen
/// gates at α = 0.05 do not give a 60% chance of a false alarm.
public enum Holm {
    /// The adjusted p-values, in the order given: sorted ascending, the i-th smallest (from 0) is
    /// multiplied by `m − i`, made monotone, and capped at 1.
    public static func adjust(_ pValues: [Double]) -> [Double] {
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var adjusted = [Double](repeating: 1, count: pValues.count)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(pValues.count - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
