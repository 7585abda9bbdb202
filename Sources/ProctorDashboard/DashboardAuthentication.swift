public import Hummingbird
public import HummingbirdAuth

/// The request context of the dashboard: Hummingbird's core storage plus the authenticated
/// identity hummingbird-auth sets.
public struct DashboardContext: AuthRequestContext, RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// Set once the bearer token matched.
    public var identity: DashboardReader?

    /// A fresh context for a request.
    public init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
    }
}

/// Whoever presented the dashboard's token; there is one token, so one reader.
public struct DashboardReader: Sendable {}

/// Accepts a request whose `Authorization: Bearer` token equals the dashboard's, comparing in
/// constant time so the token cannot be guessed byte by byte from response times.
struct TokenAuthenticator: AuthenticatorMiddleware {
    typealias Context = DashboardContext
    let token: String

    func authenticate(request: Request, context: DashboardContext) async throws -> DashboardReader? {
        guard let presented = request.headers.bearer?.token else { return nil }
        return Self.equal(Array(presented.utf8), Array(token.utf8)) ? DashboardReader() : nil
    }

    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}

/// Turns a missing identity into 401 with a `WWW-Authenticate: Bearer` challenge.
struct RequireReader: RouterMiddleware {
    typealias Context = DashboardContext

    func handle(_ request: Request, context: DashboardContext, next: (Request, DashboardContext) async throws -> Response) async throws -> Response {
        guard context.identity != nil else {
            return Response(status: .unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"proctor\""], body: .init(byteBuffer: .init(string: "401: this dashboard needs Authorization: Bearer TOKEN\n")))
        }
        return try await next(request, context)
    }
}
