import ChaperoneModel
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import Notify
import Review
import Store
import UnixSignals

/// Starts the review web app as `chaperone web` runs it: the store and workflow of the
/// configuration, on `web.listen`: HTTPS with `web.tls_certificate` and `web.tls_key`,
/// otherwise plain HTTP (behind a TLS proxy), until SIGTERM or SIGINT.
public enum WebServer {
    /// The app over the configured SQLite store (WAL, busy timeout: shared with `serve`
    /// and the CLI).
    public static func makeApp(configuration: Configuration, databasePath: String? = nil, hasher: PasswordHasher = PasswordHasher()) async throws -> ReviewWebApp {
        let database = try AppDatabase(path: databasePath ?? configuration.store.database)
        return try await makeApp(configuration: configuration, store: database, hasher: hasher)
    }

    /// The app over `store` (the PostgreSQL store of a trust, opened by the caller):
    /// releases go out through this host's `release.reinject_listener`.
    public static func makeApp(configuration: Configuration, store database: any WebStore, hasher: PasswordHasher = PasswordHasher()) async throws
        -> ReviewWebApp
    {
        let workflow = ReviewWorkflow(
            database: database,
            reinjector: SMTPSubmitter(listener: try SMTPListenerAddress(parsing: configuration.release.reinjectListener)),
            removedHeaders: [configuration.tagging.traceHeader].compactMap { $0 })
        var app = ReviewWebApp(
            configuration: configuration, database: database, workflow: workflow, renderer: try await PageRenderer.bundled(),
            hasher: hasher)
        // The sender's self-service page: the store's key (made on first use, shared with
        // `serve`, which signs the links), and the alert of a self-release submitted as
        // `serve` submits its alerts.
        let alerts: (any MailSubmitter)? = configuration.notifications.enabled
            ? SMTPSubmitter(listener: try SMTPListenerAddress(parsing: configuration.notifications.submitListener)) : nil
        app.selfService = SelfServiceDesk(
            signer: SelfServiceSigner(key: try await database.selfServiceKey()), web: configuration.web, alertSubmitter: alerts)
        return app
    }

    /// `host` and `port` of `web.listen` (port 0: any free port, for benchmarks).
    public static func listenAddress(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw WebAppError.badListenAddress(text)
        }
        let host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard !host.isEmpty else { throw WebAppError.badListenAddress(text) }
        return (host, port)
    }

    /// The Hummingbird application `chaperone web` runs: the app's router (every route
    /// behind its access check, with the security headers and request log) on
    /// `web.listen`, over HTTPS when a certificate and key are configured. Tests run this
    /// same value through HummingbirdTesting.
    public static func application(
        app: ReviewWebApp, logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> Application<RouterResponder<WebContext>> {
        let web = app.configuration.web
        let (host, port) = try listenAddress(web.listen)
        let server: HTTPServerBuilder
        if let certificate = web.tlsCertificate, let key = web.tlsKey {
            server = try .tls(.http1(), tlsConfiguration: try WebTLS.configuration(certificateFile: certificate, keyFile: key))
        } else {
            server = .http1()
        }
        return Application(
            router: app.buildRouter(), server: server,
            configuration: .init(address: .hostname(host, port: port), serverName: "chaperone"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Runs until SIGTERM or SIGINT (with `handlesSignals`) or until the task is
    /// cancelled; `onRunning` is told the bound port.
    public static func run(
        app: ReviewWebApp, logger: Logger, handlesSignals: Bool = true, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let application = try application(app: app, logger: logger, onRunning: onRunning)
        try await application.runService(gracefulShutdownSignals: handlesSignals ? [UnixSignal.sigterm, UnixSignal.sigint] : [])
    }
}
