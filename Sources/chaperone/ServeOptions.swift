import ArgumentParser

/// The options of `chaperone serve`. Everything but `--config` overrides the file, so a
/// technician can try Chaperone without writing a configuration first.
struct ServeOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (YAML). Without it, the built-in defaults apply.")
    var config: String?

    @Option(name: .long, help: "Roster file (MIS CSV or DfE CTF XML); repeat for several. Replaces roster.files.")
    var roster: [String] = []

    @Option(name: .long, help: "Staff list CSV. Replaces roster.staff_file.")
    var staff: String?

    @Option(name: .customLong("school-domain"), help: "A domain of the school's own mail; repeat for several.")
    var schoolDomains: [String] = []

    @Option(name: .customLong("partner-domain"), help: "A partner organisation's domain; repeat for several.")
    var partnerDomains: [String] = []

    @Option(name: .long, help: "inet:HOST:PORT or unix:PATH (default inet:127.0.0.1:8891).")
    var listen: String?

    @Option(name: .long, help: "SQLite database for decisions and quarantined copies.")
    var database: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"
}
