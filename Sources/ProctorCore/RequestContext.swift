/// What a request is about, passed with every request on the eval and the load path alike; the
/// HTTP client sends the sample id as the `X-Proctor-Sample-Id` header and the turn as
/// `X-Proctor-Turn`, so a simulator can script answers by them and a server log can name them.
///
/// ```swift
/// try await client.complete(messages, parameters: parameters, context: RequestContext(sampleId: "test-17", turn: 2))
/// ```
public struct RequestContext: Sendable, Hashable {
    /// The id of the sample being answered, if any.
    public var sampleId: String?
    /// The conversation turn (1-based), if the request belongs to one.
    public var turn: Int?

    /// Creates a context.
    public init(sampleId: String? = nil, turn: Int? = nil) {
        self.sampleId = sampleId
        self.turn = turn
    }

    /// A request about nothing in particular (a model list, a probe).
    public static let none = RequestContext()

    /// The header that carries ``sampleId``.
    public static let sampleIdHeader = "X-Proctor-Sample-Id"
    /// The header that carries ``turn``.
    public static let turnHeader = "X-Proctor-Turn"
}
