/// The bounded class of a failure Proctor reports: what the command line maps to an exit status,
/// and a label fit for a metrics attribute or a log field. New codes can be added without
/// breaking callers, since the cases are static members rather than an open enum.
///
/// ```swift
/// if failure.code == .unreachable { … }
/// ```
public struct ErrorCode: Sendable, Hashable, CustomStringConvertible {
    private enum Internal: String, Sendable, Hashable {
        case badInput = "bad_input"
        case unreachable
        case gateFailed = "gate_failed"
        case dependencyFailed = "dependency_failed"
        case storeFailed = "store_failed"
    }

    private let value: Internal
    private init(_ value: Internal) { self.value = value }

    /// Bad usage or input: a file, a field, an option, an unknown name.
    public static var badInput: Self { .init(.badInput) }
    /// The target server could not be reached.
    public static var unreachable: Self { .init(.unreachable) }
    /// A quality or regression gate failed.
    public static var gateFailed: Self { .init(.gateFailed) }
    /// Something Proctor depends on failed: a build, a process, a server's answer.
    public static var dependencyFailed: Self { .init(.dependencyFailed) }
    /// The run store could not be opened, migrated, read or written.
    public static var storeFailed: Self { .init(.storeFailed) }

    /// The label, e.g. `bad_input`.
    public var description: String { value.rawValue }
}

/// An error that knows its ``ErrorCode`` and can say what to do about it. Every public error of
/// Proctor's libraries conforms, so the command line turns any of them into a message and an
/// exit status in one place.
public protocol ProctorFailure: Error, CustomStringConvertible {
    /// The class of failure.
    var code: ErrorCode { get }
}
