public import Foundation

/// A run store written by the release before typed run specifications (schema v3), with what
/// that release's `proctor runs show RUN --json` printed for each run (see its README).
public enum OldStore {
    /// The ids of its runs: two evaluations (gsm8k, a JSONL task), two load runs (closed, open
    /// with a scored gsm8k workload) and a JMeter import.
    public static let runIds = ["rdf084bbb", "r0501baf5", "r0167f7e1", "r619aab9d", "rd883c89a"]

    /// Copies the store into `directory` as `proctor.db` (opening it migrates it) and returns its path.
    public static func copy(into directory: URL) throws -> String {
        let destination = directory.appendingPathComponent("proctor.db")
        try FileManager.default.copyItem(at: try folder().appendingPathComponent("proctor.sqlite"), to: destination)
        return destination.path
    }

    /// What the old release printed for `runs show RUN --json`.
    public static func shown(_ runId: String) throws -> Data {
        try Data(contentsOf: try folder().appendingPathComponent("\(runId).show.json"))
    }

    private static func folder() throws -> URL {
        guard let url = Bundle.module.url(forResource: "v3-store", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "v3-store in ProctorTestSupport's resources"])
        }
        return url
    }
}
