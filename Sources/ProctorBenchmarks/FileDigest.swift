import Crypto
public import Foundation

/// SHA-256 in lower-case hex: how datasets, imported files and run configurations are identified.
public enum FileDigest {
    /// The SHA-256 of `data`, as 64 hex digits.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
