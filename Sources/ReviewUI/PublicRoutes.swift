import Foundation
import Hummingbird

/// The routes open without a session: `/healthz` and the stylesheet.
enum PublicRoutes {
    static var routes: [WebRoute] {
        [
            WebRoute(.get, "/healthz", .open) { _, _, app in
                // Answers only when the store can be read.
                _ = try await app.database.appliedMigrations()
                return Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: .init(string: "ok\n")))
            },
            WebRoute(.get, "/static/app.css", .open) { _, _, _ in
                Response(
                    status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                    body: .init(byteBuffer: .init(string: Stylesheet.text)))
            },
        ]
    }
}

/// The one stylesheet, read once from the resources.
enum Stylesheet {
    static let text: String = {
        guard let directory = ResourceDirectory.path("Static"),
              let data = FileManager.default.contents(atPath: directory + "/app.css") else { return "" }
        return String(decoding: data, as: UTF8.self)
    }()
}
