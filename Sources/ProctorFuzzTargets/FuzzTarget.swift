public import Foundation

/// One parser that reads what others wrote (a server, a dataset, a user's file), with the
/// properties that must hold whatever the bytes: it returns or throws its own error, never traps,
/// and its result keeps the promises the rest of Proctor relies on.
///
/// libFuzzer drives ``check(_:)`` through `proctor-fuzz`; the tests run it over ``seeds()`` and
/// every input that once broke a property (`Fuzz/regressions/NAME/`).
public struct FuzzTarget: Sendable {
    /// The name on the command line and of the corpus folder, e.g. `chunk`.
    public let name: String
    /// What it reads, for `proctor-fuzz list`.
    public let summary: String
    private let property: @Sendable (Data) -> [String]
    private let seedInputs: @Sendable () -> [Data]

    /// A target whose `property` returns the promises `input` broke (none: all held).
    init(name: String, summary: String, seeds: @escaping @Sendable () -> [Data], property: @escaping @Sendable (Data) -> [String]) {
        self.name = name
        self.summary = summary
        self.property = property
        seedInputs = seeds
    }

    /// The broken promises for `input`; empty when every property held.
    public func check(_ input: Data) -> [String] { property(input) }

    /// Starting inputs drawn from the bundled data and the tests' examples.
    public func seeds() -> [Data] { seedInputs() }
}

extension FuzzTarget {
    /// Every target, in the order the fuzzing script runs them.
    public static let all: [FuzzTarget] = [
        .chunk, .stream, .whole, .latex, .mathAnswers, .gsm8kAnswers, .datasets, .jtl, .judgeVerdicts, .jsonExtraction,
        .gates, .config,
    ]

    /// The target called `name`, if there is one.
    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}

/// Helpers the targets share for turning bytes into their inputs.
enum FuzzInput {
    /// The bytes as text, invalid UTF-8 repaired as a reader of a file or a response would.
    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    /// The text split at its first NUL into two parts (the second empty when there is none).
    static func pair(_ data: Data) -> (String, String) {
        guard let split = data.firstIndex(of: 0) else { return (text(data), "") }
        return (text(data[..<split]), text(data[data.index(after: split)...]))
    }

    /// Two parts joined with a NUL, the inverse of ``pair(_:)``.
    static func joined(_ first: String, _ second: String) -> Data {
        Data(first.utf8) + Data([0]) + Data(second.utf8)
    }
}
