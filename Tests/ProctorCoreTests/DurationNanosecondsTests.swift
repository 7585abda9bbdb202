import ProctorCore
import Testing

@Suite("Duration in whole nanoseconds")
struct DurationNanosecondsTests {
    @Test func convertsAndTruncates() {
        #expect(Duration.seconds(1.5).wholeNanoseconds == 1_500_000_000)
        #expect(Duration.nanoseconds(7).wholeNanoseconds == 7)
        #expect((Duration.nanoseconds(7) + .init(secondsComponent: 0, attosecondsComponent: 999_999_999)).wholeNanoseconds == 7)
        #expect(Duration.milliseconds(-3).wholeNanoseconds == -3_000_000)
    }

    @Test("saturates instead of overflowing")
    func saturates() {
        #expect(Duration.seconds(Int64.max).wholeNanoseconds == .max)
        #expect(Duration.seconds(Int64.min).wholeNanoseconds == .min)
    }
}
