import HTTPTypes
import Hummingbird

/// Adds the security headers to every response, errors included: a CSP that allows
/// nothing inline and nothing from elsewhere (no script at all), no framing, no
/// referrer, no sniffing, no caching of pages that hold personal data; and when the app
/// is reached over HTTPS (native TLS or `web.secure_cookies` behind a proxy), HSTS so a
/// browser never falls back to plain HTTP (ASVS 14.4.5).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    /// One year, the app's host and its subdomains.
    static let strictTransportSecurity = "max-age=31536000; includeSubDomains"

    /// Whether responses carry `Strict-Transport-Security`.
    var overHTTPS: Bool

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            // Never echo an internal error to the browser; the log names its type only.
            context.logger.error("web request failed", metadata: ["path": "\(request.uri.path)", "error": "\(type(of: error))"])
            response = Response(
                status: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: .init(string: "Chaperone could not complete this request; the server log has the details.\n")))
        }
        Self.apply(to: &response.headers)
        if overHTTPS { response.headers[HTTPField.Name("Strict-Transport-Security")!] = Self.strictTransportSecurity }
        return response
    }

    static func apply(to headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
    }
}
