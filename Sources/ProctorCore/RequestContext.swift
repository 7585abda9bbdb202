/// What a request is about, carried to the client through the task tree so that protocols stay
/// unchanged: the runner binds it around each sample, and ``ChatClient`` sends the sample id as the
/// `X-Proctor-Sample-Id` header (the simulator can script answers by it).
///
/// ```swift
/// try await RequestContext.$sampleId.withValue("test-17") { try await client.complete(…) }
/// ```
public enum RequestContext {
    /// The id of the sample being answered, if any.
    @TaskLocal public static var sampleId: String?

    /// The header that carries ``sampleId``.
    public static let sampleIdHeader = "X-Proctor-Sample-Id"
}
