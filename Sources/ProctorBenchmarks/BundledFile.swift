import ProctorCore
package import Foundation

/// A data file shipped in the package's resources, checked against its recorded SHA-256.
package struct BundledFile {
    let data: Data
    let sha256: String
    let displayPath: String

    /// Loads `subdirectory/name` from the bundle and verifies its digest.
    static func load(subdirectory: String, name: String, expectedSHA256: String) throws(DatasetError) -> BundledFile {
        let display = "\(subdirectory)/\(name) (bundled)"
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: subdirectory),
            let data = FileManager.default.contents(atPath: url.path)
        else {
            throw DatasetError(file: display, message: "the bundled file is missing; reinstall Proctor")
        }
        let digest = FileDigest.sha256(data)
        guard digest == expectedSHA256 else {
            throw DatasetError(file: display, message: "SHA-256 is \(digest), expected \(expectedSHA256); the copy is damaged")
        }
        return BundledFile(data: data, sha256: digest, displayPath: display)
    }
}

extension BundledFile {
    /// The first `lines` lines of a bundled file, unchecked: seed inputs for the fuzzer, which
    /// reads the same formats from users.
    package static func firstLines(subdirectory: String, name: String, lines: Int) -> Data? {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: subdirectory),
            let data = FileManager.default.contents(atPath: url.path)
        else { return nil }
        var end = data.startIndex
        for _ in 0..<lines {
            guard let newline = data[end...].firstIndex(of: UInt8(ascii: "\n")) else { return data }
            end = data.index(after: newline)
        }
        return data[..<end]
    }
}
