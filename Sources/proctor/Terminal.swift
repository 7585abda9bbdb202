import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes to the terminal: results on standard output, progress and errors on standard error.
enum Terminal {
    /// Whether standard error is a terminal (progress then redraws one line).
    static let stderrIsTTY = isatty(STDERR_FILENO) != 0

    /// Prints `text` on standard output.
    static func out(_ text: String) {
        write(Data((text + "\n").utf8), to: .standardOutput)
    }

    /// Writes `data`, ignoring a closed pipe (`proctor … | head` must not crash).
    static func write(_ data: Data, to handle: FileHandle) {
        try? handle.write(contentsOf: data)
    }

    /// Prints `text` on standard error.
    static func info(_ text: String) {
        write(Data((text + "\n").utf8), to: .standardError)
    }

    /// Prints an error on standard error. Errors can quote what a server sent (a model id, a
    /// message), so control characters other than line breaks and tabs become U+FFFD.
    static func error(_ text: String) {
        let safe = text.split(separator: "\n", omittingEmptySubsequences: false).map { Format.plain(String($0)) }.joined(separator: "\n")
        write(Data(("error: " + safe + "\n").utf8), to: .standardError)
    }

    /// Redraws the progress line (on a terminal) or prints it (elsewhere).
    static func progress(_ text: String) {
        if stderrIsTTY {
            write(Data(("\r\u{1B}[2K" + text).utf8), to: .standardError)
        } else {
            info(text)
        }
    }

    /// Ends a redrawn progress line.
    static func endProgress() {
        if stderrIsTTY { write(Data("\n".utf8), to: .standardError) }
    }
}
