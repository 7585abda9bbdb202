import ProctorCore
import Foundation

/// A data file shipped in the package's resources, checked against its recorded SHA-256.
struct BundledFile {
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
