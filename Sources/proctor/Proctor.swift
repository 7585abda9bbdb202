import ArgumentParser
import Foundation
import ProctorRunner

/// The `proctor` command: how good is the model, how much load can the server take, what does
/// it cost — with every answer kept in a run store.
@main
struct Proctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proctor",
        abstract: "Evaluate, load-test and cost language models behind OpenAI-compatible servers.",
        discussion: """
            Exit codes: 0 ok, 1 a gate or a dependency failed, 2 bad usage or input, 3 target unreachable.
            """,
        version: BuildInfo.version,
        subcommands: [EvalCommand.self, JudgeCommand.self, LoadCommand.self, MonitorCommand.self, FinetuneCommand.self, RunsCommand.self, CompareCommand.self, GateCommand.self, ReportCommand.self, ServeCommand.self, ImportCommand.self, EngineCommand.self, SimCommand.self]
    )

    /// Parses and runs the command; usage errors exit with 2 (not ArgumentParser's 64), as the
    /// exit-code contract says.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                Terminal.write(Data((fullMessage(for: error) + "\n").utf8), to: .standardError)
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
