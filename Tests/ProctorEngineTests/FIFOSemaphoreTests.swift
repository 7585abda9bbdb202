@testable import ProctorEngine
import Testing

@Suite("FIFO semaphore")
struct FIFOSemaphoreTests {
    @Test func waitersAreServedInArrivalOrder() async throws {
        let pool = FIFOSemaphore(slots: 1)
        await pool.acquire()
        let order = AsyncStream<Int>.makeStream()
        let waiters = Task {
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<3 {
                    group.addTask {
                        await pool.acquire()
                        order.continuation.yield(index)
                        pool.release()
                    }
                    try? await Task.sleep(for: .milliseconds(30))
                }
            }
            order.continuation.finish()
        }
        try await Task.sleep(for: .milliseconds(150))
        pool.release()
        await waiters.value
        var seen: [Int] = []
        for await index in order.stream { seen.append(index) }
        #expect(seen == [0, 1, 2])
        #expect(pool.peakBusy == 1)
    }
}
