public import Foundation

/// Debian's `chromium`, run headless, for checking pages the way a browser sees them: the DOM
/// after scripts had their chance to run, and a screenshot.
public struct HeadlessChromium: Sendable {
    /// The browser's path.
    public let executable: String

    /// Whether page checks must run (CI and `PROCTOR_E2E=1`, where `scripts/prerequisites.sh`
    /// installs Chromium); elsewhere they run when Chromium is present.
    public static var required: Bool { LocalEngineFixture.required }

    /// Whether the page checks can run here (installed, or required and so failing loudly).
    public static var enabled: Bool { required || locate() != nil }

    /// The browser on `PATH`, or `nil`.
    public static func locate() -> HeadlessChromium? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return HeadlessChromium(executable: candidate) }
            }
        }
        return nil
    }

    /// The browser, or an error saying how to install it.
    public static func require() throws -> HeadlessChromium {
        guard let browser = locate() else {
            throw ChromiumError(message: "chromium is not installed; scripts/prerequisites.sh installs it (apt-get install chromium)")
        }
        return browser
    }

    /// The DOM of `url` after up to `budget` milliseconds of virtual time (scripts, timers and
    /// fetches that could run have run).
    public func dumpDOM(_ url: String, budget: Int = 3000) async throws -> String {
        try await run(["--dump-dom", "--virtual-time-budget=\(budget)", url])
    }

    /// A PNG screenshot of `url` at `width`×`height`, written to `file`; returns its size in bytes.
    public func screenshot(_ url: String, to file: URL, width: Int = 1280, height: Int = 1600) async throws -> Int {
        _ = try await run(["--screenshot=\(file.path)", "--window-size=\(width),\(height)", "--hide-scrollbars", url])
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        return (attributes[.size] as? Int) ?? 0
    }

    private func run(_ arguments: [String]) async throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let output = profile.appendingPathExtension("out")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=\(profile.path)"]
            + arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw ChromiumError(message: "chromium did not finish \(arguments.last ?? "") within 90 s")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        guard process.terminationStatus == 0 else {
            throw ChromiumError(message: "chromium exited with \(process.terminationStatus) on \(arguments.last ?? "")")
        }
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }
}

/// Chromium could not be found or did not finish.
public struct ChromiumError: Error, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// The message.
    public var description: String { message }
    /// Creates an error.
    public init(message: String) { self.message = message }
}
