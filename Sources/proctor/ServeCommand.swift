import ArgumentParser
import Foundation
import ProctorCore
import ProctorDashboard
import ProctorStore

/// `proctor serve`: the local dashboard. Loopback by default; any other address needs
/// `--token-env VAR` (the variable's name — the token never appears on a command line).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the dashboard: runs, reports, comparisons, live progress and Prometheus /metrics.")

    @OptionGroup var storage: StoreOptions
    @Option(help: "Address to bind. Anything but loopback needs --token-env.") var host: String = "127.0.0.1"
    @Option(help: "Port to bind (0 picks a free one).") var port: Int = 8321
    @Option(help: "Name of an environment variable holding the bearer token every request must carry.") var tokenEnv: String?

    func run() async throws {
        try await reportingFailures {
            var token: String?
            if let tokenEnv {
                guard let value = ProcessInfo.processInfo.environment[tokenEnv], !value.isEmpty else {
                    throw ProctorError.badInput("--token-env \(tokenEnv): the variable is not set or empty", hint: "export \(tokenEnv)=<a long random string>")
                }
                token = value
            }
            let configuration = DashboardConfiguration(host: host, port: port, token: token)
            try configuration.validate()
            let database = try storage.openExisting()
            let host = self.host
            try await DashboardServer(database: database, configuration: configuration).run { port in
                Terminal.info("dashboard on http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (Ctrl-C stops it)")
            }
        }
    }
}
