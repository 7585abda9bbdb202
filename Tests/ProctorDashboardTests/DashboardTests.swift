import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ProctorCore
import ProctorDashboard
import ProctorStore
import ProctorTestSupport
import Testing

@Suite("The dashboard")
struct DashboardTests {
    private static func store() async throws -> ProctorDatabase {
        let database = try ProctorDatabase()
        try await HostileStore.fill(database, canary: 9)
        var running = Fixtures.run(id: "rlive", sampleIds: (0..<10).map { "test-\($0)" })
        running.status = .running
        try await database.insert(running)
        try await database.record(HostileStore.turn(run: "rlive", index: 0, text: "4", correct: true))
        return database
    }

    @Test func servesRunsReportsProgressAndMetrics() async throws {
        let database = try await Self.store()
        let app = try DashboardServer(database: database, configuration: DashboardConfiguration(port: 0)).application()
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("rhostile") && body.contains("rlive"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            }
            try await client.execute(uri: "/runs/rlive", method: .get) { response in
                let body = String(buffer: response.body)
                #expect(body.contains("<meta http-equiv=\"refresh\" content=\"5\">"))
                #expect(body.contains("Running: 1 of 10 results stored, 0 failed."))
            }
            try await client.execute(uri: "/runs/rbase", method: .get) { response in
                #expect(!String(buffer: response.body).contains("http-equiv=\"refresh\""))
            }
            try await client.execute(uri: "/runs/rlive/progress", method: .get) { response in
                #expect(String(buffer: response.body) == #"{"expected":10,"failed":0,"id":"rlive","status":"running","stored":1}"#)
            }
            try await client.execute(uri: "/runs/nope", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/compare?base=rbase", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let body = String(buffer: response.body)
                #expect(body.contains("proctor_runs{kind=\"eval\",status=\"completed\"} 2.0"))
                #expect(body.contains("proctor_runs{kind=\"eval\",status=\"running\"} 1.0"))
                #expect(body.contains("proctor_requests_stored{kind=\"eval_turn\",outcome=\"answered\"} 9.0"))
                #expect(body.contains("proctor_dashboard_requests_total{route=\"/runs/:id\",status=\"2xx\"} 2"))
                #expect(body.contains("proctor_dashboard_requests_total{route=\"/runs/:id\",status=\"4xx\"} 1"))
            }
        }
    }

    @Test func aTokenIsRequiredOfEveryRequestOnceSet() async throws {
        let database = try await Self.store()
        let app = try DashboardServer(database: database, configuration: DashboardConfiguration(host: "0.0.0.0", port: 0, token: "s3cret-token")).application()
        try await app.test(.router) { client in
            for uri in ["/", "/runs/rbase", "/metrics", "/runs/rbase/progress"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"proctor\"")
                    #expect(!String(buffer: response.body).contains("rbase"))
                }
            }
            try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer wrong-token!"]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/", method: .get, headers: [.authorization: "Basic czNjcmV0LXRva2Vu"]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer s3cret-token"]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("rbase"))
            }
        }
    }

    @Test func refusesAnOpenBindWithoutAToken() throws {
        let database = try ProctorDatabase()
        #expect(throws: ProctorError.self) {
            _ = try DashboardServer(database: database, configuration: DashboardConfiguration(host: "0.0.0.0", port: 0)).application()
        }
        #expect(throws: ProctorError.self) { try DashboardConfiguration(host: "127.0.0.1", token: "").validate() }
        #expect(throws: Never.self) { try DashboardConfiguration(host: "127.0.0.1").validate() }
        #expect(throws: Never.self) { try DashboardConfiguration(host: "::1").validate() }
        #expect(!DashboardConfiguration(host: "192.168.1.5").isLoopback)
    }
}

@Suite("The dashboard's sample pages")
struct DashboardSamplePagesTests {
    /// 1,200 samples: three pages of at most 500 rows, linked forwards and back.
    @Test func pagesThroughEverySample() async throws {
        let database = try ProctorDatabase()
        var run = Fixtures.run(id: "rbig", sampleIds: (0..<1200).map { "test-\($0)" })
        run.status = .completed
        try await database.insert(run)
        for index in 0..<1200 {
            try await database.record(HostileStore.turn(run: "rbig", index: index, text: "4", correct: index % 3 != 0))
        }
        let app = try DashboardServer(database: database, configuration: DashboardConfiguration(port: 0)).application()
        try await app.test(.router) { client in
            try await client.execute(uri: "/runs/rbig", method: .get) { response in
                let body = String(buffer: response.body)
                #expect(body.contains("500 of 1200 rows shown, from row 1"))
                #expect(body.contains("<a href=\"/runs/rbig?samples=500\">next 500 →</a>"))
                #expect(!body.contains("previous 500"))
                // Wrong rows come first when a run has more rows than a page.
                #expect(body.contains("data-sample=\"test-0\"") && body.contains("data-sample=\"test-1197\""))
            }
            try await client.execute(uri: "/runs/rbig?samples=1000", method: .get) { response in
                let body = String(buffer: response.body)
                #expect(body.contains("200 of 1200 rows shown, from row 1001"))
                #expect(body.contains("<a href=\"/runs/rbig?samples=500\">← previous 500</a>"))
                #expect(!body.contains("next 500"))
            }
        }
    }
}
