extension Duration {
    /// The duration in whole nanoseconds (attoseconds truncated), saturating at `Int64.max`:
    /// what NIO's timers and deadlines take.
    public var wholeNanoseconds: Int64 {
        let parts = components
        let whole = parts.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !whole.overflow else { return parts.seconds < 0 ? .min : .max }
        let sum = whole.partialValue.addingReportingOverflow(parts.attoseconds / 1_000_000_000)
        return sum.overflow ? .max : sum.partialValue
    }
}
