import Foundation

/// Proctor's version and the git commit it was built from.
public enum BuildInfo {
    /// The release version.
    public static let version = "0.1.0"

    /// The commit of the checkout the running executable was built in, read from `.git` beside
    /// the build folder without running git; `nil` when the executable is not in a checkout.
    public static func gitCommit(executablePath: String = CommandLine.arguments.first ?? "") -> String? {
        var directory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            let git = directory.appendingPathComponent(".git")
            if let head = try? String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8) {
                return resolve(head.trimmingCharacters(in: .whitespacesAndNewlines), gitDirectory: git)
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    private static func resolve(_ head: String, gitDirectory: URL) -> String? {
        guard head.hasPrefix("ref: ") else { return head.isEmpty ? nil : head }
        let ref = String(head.dropFirst(5))
        if let commit = try? String(contentsOf: gitDirectory.appendingPathComponent(ref), encoding: .utf8) {
            return commit.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let packed = try? String(contentsOf: gitDirectory.appendingPathComponent("packed-refs"), encoding: .utf8)
        else { return nil }
        for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
            return String(line.prefix { $0 != " " })
        }
        return nil
    }
}
