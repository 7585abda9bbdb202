import CProctorScheduling
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Short time slice request")
struct ShortSliceTests {
    /// The running kernel's major and minor version, from `uname`.
    static func kernelVersion() -> (Int, Int)? {
        #if canImport(Glibc)
        var names = utsname()
        guard uname(&names) == 0 else { return nil }
        let release = withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let parts = release.split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
        #else
        return nil
        #endif
    }

    @Test("the kernel accepts the request on a thread of its own (EEVDF kernels, 6.12 and later)")
    func accepted() async throws {
        // A fresh thread, so no thread of the test runner's pool keeps the short slice.
        let result = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: proctor_request_short_slice(100_000)) }.start()
        }
        if let (major, minor) = Self.kernelVersion(), (major, minor) >= (6, 12) {
            #expect(result == 0, "sched_setattr failed with errno \(result) on Linux \(major).\(minor)")
        } else {
            #expect([0, EINVAL, ENOSYS].contains(result), "unexpected errno \(result)")
        }
    }
}
