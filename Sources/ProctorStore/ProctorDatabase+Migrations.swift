import GRDB

extension ProctorDatabase {
    /// Every schema change, in order. A store written by any earlier release opens and is
    /// migrated in place; a migration never drops a result.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs and sample results") { db in
            try db.create(table: "run") { t in
                t.primaryKey("id", .text)
                t.column("kind", .text).notNull()
                t.column("status", .text).notNull()
                t.column("createdAt", .datetime).notNull().indexed()
                t.column("finishedAt", .datetime)
                t.column("benchmark", .text).notNull()
                t.column("promptProtocol", .text).notNull()
                t.column("datasetName", .text).notNull()
                t.column("datasetSHA256", .text).notNull()
                t.column("target", .text).notNull()
                t.column("endpointURL", .text).notNull()
                t.column("modelName", .text).notNull()
                t.column("modelId", .text)
                t.column("parameters", .jsonText).notNull()
                t.column("streaming", .boolean).notNull()
                t.column("concurrency", .integer).notNull()
                t.column("sampleSeed", .integer)
                t.column("sampleLimit", .integer)
                t.column("sampleIds", .jsonText).notNull()
                t.column("extractorNames", .jsonText).notNull()
                t.column("host", .text).notNull()
                t.column("os", .text).notNull()
                t.column("cpu", .text).notNull()
                t.column("proctorVersion", .text).notNull()
                t.column("gitCommit", .text)
                t.column("configHash", .text).notNull()
                t.column("wallSeconds", .double).notNull()
            }
            try db.create(table: "sample_result") { t in
                t.column("runId", .text).notNull().references("run", onDelete: .cascade)
                t.column("sampleId", .text).notNull()
                t.column("sampleIndex", .integer).notNull()
                t.column("turn", .integer).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("prompt", .jsonText).notNull()
                t.column("reference", .text).notNull()
                t.column("response", .text)
                t.column("finishReason", .text)
                t.column("extractions", .jsonText)
                t.column("correct", .boolean)
                t.column("errorKind", .text)
                t.column("errorMessage", .text)
                t.column("httpStatus", .integer)
                t.column("attempts", .integer).notNull()
                t.column("promptTokens", .integer)
                t.column("completionTokens", .integer)
                t.column("ttft", .double)
                t.column("e2el", .double)
                t.column("timings", .jsonText)
                t.column("model", .text)
                t.primaryKey(["runId", "sampleId", "turn"])
            }
        }
        migrator.registerMigration("v2: sample groups and JSONL task definitions") { db in
            try db.alter(table: "run") { t in t.add(column: "taskDefinition", .jsonText) }
            try db.alter(table: "sample_result") { t in t.add(column: "groups", .jsonText) }
        }
        migrator.registerMigration("v3: load levels and requests") { db in
            try db.create(table: "load_level") { t in
                t.column("runId", .text).notNull().references("run", onDelete: .cascade)
                t.column("level", .integer).notNull()
                t.column("phase", .text).notNull()
                t.column("load", .double).notNull()
                t.column("unit", .text).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("metrics", .jsonText).notNull()
                t.primaryKey(["runId", "level"])
            }
            try db.create(table: "load_request") { t in
                t.column("runId", .text).notNull().references("run", onDelete: .cascade)
                t.column("level", .integer).notNull()
                t.column("idx", .integer).notNull()
                t.column("scheduled", .double).notNull()
                t.column("sent", .double).notNull()
                t.column("ended", .double).notNull()
                t.column("ttft", .double)
                t.column("e2el", .double)
                t.column("completed", .double)
                t.column("chunkArrivals", .text)
                t.column("promptTokens", .integer)
                t.column("outputTokens", .integer)
                t.column("httpStatus", .integer)
                t.column("errorKind", .text)
                t.column("correct", .boolean)
                t.primaryKey(["runId", "level", "idx"])
            }
        }
        migrator.registerMigration("v4: typed run specifications, final turns") { db in
            try LegacyRuns.migrate(db)
            try db.alter(table: "sample_result") { t in t.add(column: "isFinal", .boolean).notNull().defaults(to: true) }
        }
        migrator.registerMigration("v5: judgments and the answer cache") { db in
            try db.alter(table: "sample_result") { t in
                t.add(column: "cacheKey", .text)
                t.add(column: "isCached", .boolean).notNull().defaults(to: false)
            }
            try db.create(index: "sample_result_cacheKey", on: "sample_result", columns: ["cacheKey"])
            try db.create(table: "judgment") { t in
                t.column("runId", .text).notNull().references("run", onDelete: .cascade)
                t.column("opponentRunId", .text).notNull().defaults(to: "")
                t.column("sampleId", .text).notNull()
                t.column("turn", .integer).notNull()
                t.column("game", .integer).notNull()
                t.column("repeatIndex", .integer).notNull()
                t.column("category", .text).notNull()
                t.column("promptName", .text).notNull()
                t.column("prompt", .jsonText).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("output", .text)
                t.column("rating", .double)
                t.column("winner", .text)
                t.column("parseRule", .text).notNull()
                t.column("errorKind", .text)
                t.column("errorMessage", .text)
                t.column("httpStatus", .integer)
                t.column("attempts", .integer)
                t.column("promptTokens", .integer)
                t.column("completionTokens", .integer)
                t.column("latency", .double)
                t.column("judgeModel", .text).notNull()
                t.primaryKey(["runId", "opponentRunId", "sampleId", "turn", "game", "repeatIndex"])
            }
            try db.create(index: "judgment_opponentRunId", on: "judgment", columns: ["opponentRunId"])
        }
        migrator.registerMigration("v6: rubric and grade verdicts") { db in
            try db.alter(table: "judgment") { t in
                t.add(column: "criteria", .jsonText)
                t.add(column: "grade", .text)
            }
        }
        migrator.registerMigration("v7: monitor samples") { db in
            try db.create(table: "monitor_sample") { t in
                t.column("runId", .text).notNull().references("run", onDelete: .cascade)
                t.column("idx", .integer).notNull()
                t.column("time", .double).notNull().indexed()
                t.column("duration", .double).notNull()
                t.column("sample", .jsonText).notNull()
                t.primaryKey(["runId", "idx"])
            }
        }
        migrator.registerMigration("v8: load request error messages") { db in
            try db.alter(table: "load_request") { t in t.add(column: "errorMessage", .text) }
        }
        return migrator
    }
}

