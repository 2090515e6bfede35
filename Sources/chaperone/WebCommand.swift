import ArgumentParser
import Foundation
import Logging
import ReviewUI
import StorePostgres

/// `chaperone web --config FILE`: the review web app for IT, the DSL and the DPO, over
/// the same store and review workflow as `chaperone quarantine`: the SQLite file, or with
/// `store.url` the PostgreSQL store every mail host of a trust shares. Runs unprivileged.
struct WebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web",
        abstract: "Run the review web app (quarantine, decisions, log, dashboard, audit, users).",
        discussion: """
            Listens on web.listen (default 127.0.0.1:8025). Create the first account with \
            `chaperone user add NAME --role admin`. SIGTERM or SIGINT stops it.
            """
    )

    @OptionGroup var store: QuarantineCommand.StoreOptions

    @Option(help: "Listen on HOST:PORT instead of web.listen.") var listen: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        if let listen { _ = try WebServer.listenAddress(listen) }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "chaperone.web")
        var configuration = try store.loadedConfiguration()
        if let listen { configuration.web.listen = listen }
        let app: ReviewWebApp
        let postgres: PostgresStore?
        do {
            if store.database == nil, let settings = try StoreChoice.postgresSettings(configuration) {
                let opened = try await StoreChoice.openPostgres(settings, configuration: configuration, logger: Logger(label: "chaperone.store"))
                postgres = opened
                do {
                    app = try await WebServer.makeApp(configuration: configuration, store: opened)
                } catch {
                    await opened.close()
                    throw error
                }
            } else {
                postgres = nil
                app = try await WebServer.makeApp(configuration: configuration, databasePath: store.database)
            }
        } catch {
            logger.critical("chaperone web cannot start", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
        let listenText = configuration.web.listen
        do {
            try await WebServer.run(app: app, logger: logger) { port in
                logger.notice("chaperone web listening", metadata: ["listen": "\(listenText)", "port": "\(port)"])
            }
        } catch {
            await postgres?.close()
            throw error
        }
        await postgres?.close()
    }
}
