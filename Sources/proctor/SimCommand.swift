import ArgumentParser
import Foundation
import ProctorEngine
import UnixSignals

/// `proctor sim`: a simulated OpenAI-compatible server with exact behaviour.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Serve a simulated OpenAI-compatible model with exact capacity, speed and faults.",
        discussion: """
            Example: proctor sim --capacity 8 --tokens-per-second 40 --ttft-ms 200 --faults 0.05
            Stops on Ctrl-C.
            """)

    @Option(help: "Address to bind (keep it on loopback).") var host: String = "127.0.0.1"
    @Option(help: "Port to bind; 0 picks a free one.") var port: Int = 8000
    @Option(help: "Requests generated at once; others queue FIFO.") var capacity: Int = 8
    @Option(help: "Tokens per second per slot; 0 answers instantly.") var tokensPerSecond: Double = 0
    @Option(help: "Milliseconds from taking a slot to the first token.") var ttftMs: Double = 0
    @Option(help: "Share of requests that fail, spread evenly over 500, 429, disconnect, malformed SSE and stall.")
    var faults: Double = 0
    @Option(help: "Seconds sent in Retry-After with a 429.") var retryAfter: Double = 1
    @Option(help: "JSONL script of answers: {\"id\"|\"prompt\"|\"contains\": …, \"response\": …} per line.") var answers: String?
    @Option(help: "The answer when no script line matches.") var fallback: String = "The answer is 42."
    @Option(help: "The model id to serve.") var modelName: String = "proctor-sim"
    @Flag(help: "Close the connection after each streamed response, unannounced, as llama.cpp's llama-server does.")
    var closeAfterStream = false

    func validate() throws {
        if capacity < 1 { throw ValidationError("--capacity must be at least 1") }
        if tokensPerSecond < 0 || ttftMs < 0 { throw ValidationError("--tokens-per-second and --ttft-ms cannot be negative") }
        if !(0...1).contains(faults) { throw ValidationError("--faults is a share between 0 and 1") }
    }

    func run() async throws {
        try await reportingFailures {
            var faultConfiguration = FaultConfiguration.uniform(faults)
            faultConfiguration.retryAfterSeconds = retryAfter
            let configuration = SimulatorConfiguration(
                modelName: modelName, slots: capacity, tokensPerSecond: tokensPerSecond,
                timeToFirstToken: .milliseconds(Int64(ttftMs)),
                answers: try answers.map { try ScriptedAnswers.load(path: $0, fallback: fallback) } ?? ScriptedAnswers(fallback: fallback),
                faults: faultConfiguration, closesAfterStream: closeAfterStream)
            let server = SimulatorServer(configuration: configuration, host: host, port: port)
            try await server.run(gracefulShutdownSignals: [.sigint, .sigterm]) { port in
                Terminal.info("proctor sim listening on http://\(host):\(port)/v1 (model \(modelName), \(capacity) slots); Ctrl-C stops it")
            }
        }
    }
}
