import ArgumentParser

/// Options shared by every command that scans: where the configuration and roster come
/// from, with command-line overrides so a technician can try Chaperone without a config.
struct RuntimeOptions: ParsableArguments {
    @Option(name: .long, help: "YAML configuration file (see samples/chaperone.yaml).")
    var config: String?

    @Option(name: .long, help: "Roster file (MIS CSV export or DfE CTF XML); repeatable. Replaces the config's roster files.")
    var roster: [String] = []

    @Option(name: .long, help: "Staff list CSV. Replaces the config's staff file.")
    var staff: String?

    @Option(name: .customLong("school-domain"), help: "A school mail domain; repeatable. Replaces the config's domains.")
    var schoolDomains: [String] = []

    @Option(name: .customLong("partner-domain"), help: "A partner organisation's domain; repeatable. Replaces the config's partner domains.")
    var partnerDomains: [String] = []

    @Option(name: .customLong("postfix-config"), help: ArgumentHelp(
        "Expand recipients through this Postfix's virtual_alias_maps and alias_maps (its config directory, e.g. /etc/postfix).",
        discussion: "Replaces the config's expansion.postfix_config_directory."))
    var postfixConfig: String?
}
