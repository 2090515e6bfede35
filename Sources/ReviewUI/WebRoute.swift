import HTTPTypes
import Hummingbird

/// One route of the web app: method, path (Hummingbird's `:name` parameters), who may
/// call it, and its handler. Every route is registered from `ReviewWebApp.routes`
/// through `AccessCheck`, so that the table is the whole truth about access (the tests
/// enumerate it).
public struct WebRoute: Sendable {
    public typealias Handler = @Sendable (Request, WebContext, ReviewWebApp) async throws -> Response

    public var method: HTTPRequest.Method
    public var path: String
    public var access: RouteAccess
    let handler: Handler

    init(_ method: HTTPRequest.Method, _ path: String, _ access: RouteAccess, _ handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.access = access
        self.handler = handler
    }
}
