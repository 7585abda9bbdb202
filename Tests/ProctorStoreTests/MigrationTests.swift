import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

/// A store written by the release before typed specifications opens, migrates, and reads back
/// every run with what that release stored.
@Suite("Store migration from schema v3")
struct MigrationTests {
    @Test("every old run migrates to a typed specification that says what the old row said")
    func specifications() async throws {
        try await withTemporaryDirectory { directory in
            let store = try ProctorDatabase(path: try OldStore.copy(into: directory))
            let runs = try await store.runs()
            #expect(Set(runs.map(\.id)) == Set(OldStore.runIds))
            #expect(runs.allSatisfy { $0.status == .completed && $0.proctorVersion == "0.1.0" })

            // The v5 tables are there and empty; old results read as not reused.
            #expect(try await store.judgments(runIds: OldStore.runIds).isEmpty)
            #expect(try await store.results(runId: "rdf084bbb").allSatisfy { !$0.isCached && $0.cacheKey == nil })

            let gsm8k = try #require(try await store.run(id: "rdf084bbb")?.eval)
            #expect(gsm8k.benchmark == "gsm8k")
            #expect(gsm8k.promptProtocol == "gsm8k_cot")
            #expect(gsm8k.dataset.sha256.hasPrefix("3730d312"))
            #expect(gsm8k.sampleIds == ["test-0", "test-1", "test-2", "test-3", "test-4"])
            #expect(gsm8k.sampleLimit == 5)
            #expect(gsm8k.extractorNames == ["strict-match", "flexible-extract"])
            #expect(gsm8k.parameters.stop == ["Q:", "</s>", "<|im_end|>"])
            #expect(gsm8k.task == nil)

            let task = try #require(try await store.run(id: "r0501baf5")?.eval?.task)
            #expect(task == JSONLTaskDefinition(path: "tasks.jsonl", promptField: "q", labelField: "a", system: "Be brief.", scorer: "exact"))

            let closed = try #require(try await store.run(id: "r0167f7e1")?.load)
            #expect(closed.mode == .recorded("load:closed"))
            #expect(closed.criteria == LoadCriteria(objectives: ServiceLevelObjectives(ttft: 0.5), maxErrorRate: 0.05, sloPercentile: 95))
            #expect(closed.workload.name == "synthetic-256x128")
            #expect(closed.workload.parameters.ignoreEOS == true)

            let open = try #require(try await store.run(id: "r619aab9d")?.load)
            #expect(open.mode == .recorded("load:open"))
            #expect(open.workload.scoredBy == "strict-match")
            #expect(open.criteria == .standard)

            let imported = try #require(try await store.run(id: "rd883c89a")?.load)
            #expect(imported.mode == .imported(format: "jtl", file: "run.jtl"))
            #expect(imported.criteria == .standard)
        }
    }

    @Test("old results stay: every sample is finished, and load requests and levels are intact")
    func results() async throws {
        try await withTemporaryDirectory { directory in
            let store = try ProctorDatabase(path: try OldStore.copy(into: directory))
            let conversations = try await store.storedConversations(runId: "rdf084bbb")
            #expect(conversations.count == 5)
            #expect(conversations.values.allSatisfy { $0.isFinished && $0.answers.keys.sorted() == [1] })
            #expect(try await store.results(runId: "rdf084bbb").allSatisfy { $0.isFinal && $0.turn == 1 })
            #expect(try await store.loadLevels(runId: "r0167f7e1").map(\.load) == [1, 2])
            #expect(try await store.loadRequests(runId: "r619aab9d").count == 10)
            // Reopening an already migrated store changes nothing.
            let again = try ProctorDatabase(path: directory.appendingPathComponent("proctor.db").path)
            #expect(try await again.runs().count == 5)
        }
    }

    @Test("a specification from a newer Proctor is refused with the run named, not read with defaults")
    func newerSpecification() async throws {
        let data = Data(#"{"version": 9, "eval": {}}"#.utf8)
        #expect(throws: RunSpecificationError.self) { try RunSpecification.decode(data, runId: "r1", kind: .eval) }
        do {
            _ = try RunSpecification.decode(data, runId: "r1", kind: .eval)
        } catch {
            #expect(error.description.contains("run r1"))
            #expect(error.description.contains("version 9"))
        }
        let mismatched = try RunSpecification.eval(try #require(Fixtures.run(id: "x").eval)).encoded()
        #expect(throws: RunSpecificationError.self) { try RunSpecification.decode(mismatched, runId: "r2", kind: .load) }
    }
}
