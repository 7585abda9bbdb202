import Foundation

/// Reads a small kernel file (`/proc`, `/sys`) with plain `open`/`read`: cheaper than Foundation's
/// file APIs, which matters for a sampler that reads dozens of them a second beside a load test.
enum ProcFile {
    /// The file's text, or `nil` when it cannot be opened or read.
    static func read(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
