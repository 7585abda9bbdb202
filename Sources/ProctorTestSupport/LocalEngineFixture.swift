import Foundation
public import ProctorEngine

/// The installed local engine for end-to-end tests.
public enum LocalEngineFixture {
    /// Whether end-to-end tests against the real engine must run: on CI (which installs the
    /// engine first) or when `PROCTOR_E2E=1`.
    public static var required: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["CI"] == "true" || environment["PROCTOR_E2E"] == "1"
    }

    /// The installed engine, or `nil` when it is not installed.
    public static func installed() -> LocalEngine? {
        let paths = EnginePaths.default()
        return EngineManifest.load(paths).map { LocalEngine(paths: paths, manifest: $0) }
    }

    /// Whether the end-to-end tests can run here (installed, or required and so failing loudly).
    public static var enabled: Bool { required || installed() != nil }
}
