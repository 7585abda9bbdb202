import Foundation
import ProctorClient
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The run store on a disk that fills up, then goes read-only: a clear error naming the path,
/// nothing lost, an intact file, and a run that resumes once the disk is fixed. The disk is a
/// small tmpfs this test mounts, which needs root (as CI runs).
@Suite("Store faults (command line)", .serialized)
struct StoreFaultTests {
    let cli = CommandLineRunner()

    struct MountFailed: Error { var arguments: [String] }

    /// What the store holds: the run's id, its results, and SQLite's integrity check. The store is
    /// closed again before this returns, so that the disk can be remounted.
    private func inspect(_ store: String) async throws -> (run: String, results: [String], integrity: [String]) {
        let database = try ProctorDatabase(path: store)
        let run = try #require(try await database.runs().first)
        return (run.id, try await database.results(runId: run.id).map(\.sampleId), try await database.integrityCheck())
    }

    private func mount(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw MountFailed(arguments: arguments) }
    }

    @Test("a full disk, then a read-only one: the path is named, the store stays intact, and the run resumes", .enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
    func fullThenReadOnly() async throws {
        try await withSimulator(try EvalCommandTests.scriptedSimulator()) { endpoint in
            try await withTemporaryDirectory { directory in
                let disk = directory.appendingPathComponent("disk")
                try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
                try mount(["-t", "tmpfs", "-o", "size=700k", "tmpfs", disk.path])
                defer { _ = umount2(disk.path, Int32(MNT_DETACH)) }
                let store = disk.appendingPathComponent("p.db").path

                let full = try await cli.run(
                    ["eval", "gsm8k", "--model", endpoint.baseURL, "--limit", "600", "--store", store, "--no-monitor"], directory: directory)
                #expect(full.status == 1)
                #expect(full.stderr.contains("the run store \(store) could not be written: the disk holding it is full"), "\(full.stderr)")

                try mount(["-o", "remount,size=64m", disk.path])
                let afterFull = try await inspect(store)
                #expect(afterFull.integrity == ["ok"])

                try mount(["-o", "remount,ro", disk.path])
                let readOnly = try await cli.run(["eval", "--resume", afterFull.run, "--store", store, "--no-monitor"], directory: directory)
                #expect(readOnly.status == 1)
                #expect(readOnly.stderr.contains("the run store \(store) is read-only"), "\(readOnly.stderr)")

                try mount(["-o", "remount,rw", disk.path])
                let resumed = try await cli.run(["eval", "--resume", afterFull.run, "--store", store, "--no-monitor"], directory: directory)
                #expect(resumed.status == 0, "\(resumed.stderr)")
                let final = try await inspect(store)
                #expect(final.results.count == 600 && Set(final.results).count == 600)
                #expect(Set(afterFull.results).isSubset(of: Set(final.results)))
                #expect(final.integrity == ["ok"])
            }
        }
    }
}
