import Foundation
import Hummingbird
import Mustache

/// Renders the server-side pages from the Mustache templates shipped as resources
/// (`Resources/Templates/*.mustache`). Mustache escapes every `{{value}}`, so nothing
/// from a message is ever live HTML.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Loads the templates from the module's resources.
    public static func bundled() async throws -> PageRenderer {
        guard let directory = ResourceDirectory.path("Templates") else {
            throw WebAppError.templatesMissing("the ReviewUI resource bundle")
        }
        let library = try await MustacheLibrary(directory: directory)
        guard library.getTemplate(named: "layout") != nil else { throw WebAppError.templatesMissing(directory) }
        return PageRenderer(library: library)
    }

    /// A full page: `template` rendered with `values`, inside the layout (navigation for
    /// `session`'s role, the CSRF token for its forms).
    func page(_ template: String, title: String, values: [String: Any], session: WebSession?, status: HTTPResponse.Status = .ok) -> Response {
        var values = values
        if let session {
            values["csrf"] = session.csrfToken
            values["signedInAs"] = session.userName
            values["role"] = session.role.rawValue
            let permissions = session.role.permissions
            values["canRead"] = permissions.contains(.read)
            values["canReview"] = permissions.contains(.review)
            values["canManageUsers"] = permissions.contains(.manageUsers)
        }
        let body = library.render(values, withTemplate: template) ?? ""
        let frame: [String: Any] = ["title": title, "body": body, "session": session != nil]
        let html = library.render(frame.merging(values) { first, _ in first }, withTemplate: "layout") ?? ""
        return Self.html(html, status: status)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(to path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }
}

/// What stops the web app from starting.
public enum WebAppError: Error, CustomStringConvertible, Sendable {
    case templatesMissing(String)
    case badListenAddress(String)
    case tls(String)

    public var description: String {
        switch self {
        case .templatesMissing(let place):
            "the web app's templates are missing from \(place): reinstall Chaperone (the templates ship beside the binary)"
        case .badListenAddress(let text):
            "web.listen '\(text)' is not HOST:PORT, e.g. 127.0.0.1:8025"
        case .tls(let detail):
            "cannot load the TLS certificate or key (web.tls_certificate, web.tls_key): \(detail)"
        }
    }
}
