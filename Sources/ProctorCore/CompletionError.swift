/// Why a request produced no usable answer. A transport failure is never a wrong answer: runners
/// record it with its ``kind`` and leave the sample out of accuracy.
///
/// ```swift
/// catch let error as CompletionError where error.kind == .rateLimited { … }
/// ```
public struct CompletionError: ProctorFailure, Sendable, Hashable {
    /// A bounded label for the failure, fit for a metrics attribute or a database column.
    public struct Kind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The label as stored.
        public let rawValue: String
        /// Creates a kind from its stored label.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The endpoint could not be connected to (refused, DNS, TLS).
        public static let connection = Kind(rawValue: "connection")
        /// The per-request deadline passed before the answer was complete.
        public static let timeout = Kind(rawValue: "timeout")
        /// HTTP 429 after every retry.
        public static let rateLimited = Kind(rawValue: "rate_limited")
        /// HTTP 5xx after every retry.
        public static let serverError = Kind(rawValue: "server_error")
        /// HTTP 4xx other than 429: the request itself was refused.
        public static let clientError = Kind(rawValue: "client_error")
        /// The connection closed before the stream finished.
        public static let disconnected = Kind(rawValue: "disconnected")
        /// The server sent something that is not a valid chat completion.
        public static let malformedResponse = Kind(rawValue: "malformed_response")
        /// The server answered with no choices at all.
        public static let emptyResponse = Kind(rawValue: "empty_response")

        /// The label.
        public var description: String { rawValue }
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// What happened, for a person.
    public var message: String
    /// The HTTP status, when the server answered with one.
    public var statusCode: Int?
    /// How many attempts were made before giving up.
    public var attempts: Int

    /// Creates an error.
    public init(kind: Kind, message: String, statusCode: Int? = nil, attempts: Int = 1) {
        self.kind = kind
        self.message = message
        self.statusCode = statusCode
        self.attempts = attempts
    }

    /// Whether another attempt could succeed.
    public var isRetryable: Bool {
        switch kind {
        case .rateLimited, .serverError, .connection, .disconnected, .malformedResponse: true
        default: false
        }
    }

    /// ``ErrorCode/unreachable`` when nothing answered in time (a connection failure or a
    /// timeout), else ``ErrorCode/dependencyFailed``: the server answered, badly.
    public var code: ErrorCode { kind == .connection || kind == .timeout ? .unreachable : .dependencyFailed }

    /// `kind: message`.
    public var description: String { "\(kind): \(message)" }
}
