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
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Prints `text` on standard error.
    static func info(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints an error on standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("error: " + text + "\n").utf8))
    }

    /// Redraws the progress line (on a terminal) or prints it (elsewhere).
    static func progress(_ text: String) {
        if stderrIsTTY {
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
        } else {
            info(text)
        }
    }

    /// Ends a redrawn progress line.
    static func endProgress() {
        if stderrIsTTY { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
