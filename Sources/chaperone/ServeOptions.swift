import ArgumentParser

/// The options of `chaperone serve`: the shared configuration and roster options, plus
/// where to listen and which database to use. Everything but `--config` overrides the
/// file, so a technician can try Chaperone without writing a configuration first.
struct ServeOptions: ParsableArguments {
    @OptionGroup var runtime: RuntimeOptions

    @Option(name: .long, help: "inet:HOST:PORT or unix:PATH (default inet:127.0.0.1:8891).")
    var listen: String?

    @Option(name: .long, help: "SQLite database for decisions and quarantined copies.")
    var database: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"
}
