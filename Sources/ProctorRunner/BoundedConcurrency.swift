/// Runs `body` for every element of `items`, at most `limit` at once, in order of start, and
/// returns when all have finished. The first error (cancellation included) cancels the rest and
/// is rethrown. The eval runner and the judge runner both bound their requests this way.
func forEach<Element: Sendable>(
    _ items: [Element], limit: Int, _ body: @escaping @Sendable (Element) async throws -> Void
) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        var queue = items.makeIterator()
        for _ in 0..<max(1, limit) {
            guard let item = queue.next() else { break }
            group.addTask { try await body(item) }
        }
        while try await group.next() != nil {
            try Task.checkCancellation()
            if let item = queue.next() { group.addTask { try await body(item) } }
        }
    }
}
