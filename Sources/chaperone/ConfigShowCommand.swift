import ArgumentParser
import ChaperoneModel
import Foundation

/// `chaperone config show [--config FILE] [--changed] [--json]`: every setting in force,
/// defaults included, one `key.path = value` a line (as `postconf` prints Postfix's);
/// `--changed` only those the file sets to something other than the default (as
/// `postconf -n`); without `--config`, the defaults (as `postconf -d`). A key that is not
/// set is listed too, as `null`. The configuration
/// holds no secrets (no passwords or keys); if one is ever added it is shown as `(set)`.
/// With `schools:`, each school's own settings are listed under `schools.<id>.`.
struct ConfigShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the effective configuration with defaults, one key = value a line.")

    @Option(help: "The YAML configuration file (default: show the built-in defaults).") var config: String?
    @Flag(help: "Only the settings that differ from the defaults.") var changed = false
    @Flag(help: "Print one JSON object per setting: {\"key\", \"value\", \"default\"}, null for a key not set.") var json = false

    func run() throws {
        let effective = try ConfigurationListing(try loadConfiguration(path: config))
        let defaults = try ConfigurationListing(Configuration())
        for (key, value) in effective.settings {
            let builtIn = defaults.value(of: ConfigurationListing.defaultKey(of: key))
            guard !changed || builtIn != .some(value) else { continue }
            if json {
                JSONLines.print(Setting(key: key, value: value, default: builtIn ?? nil))
            } else {
                print("\(key) = \(value ?? "null")")
            }
        }
    }

    /// One setting as `--json` prints it; a key that is not set has a null value.
    struct Setting: Encodable {
        var key: String
        var value: String?
        var `default`: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
            try container.encode(value, forKey: .value)
            try container.encode(`default`, forKey: .default)
        }

        private enum CodingKeys: String, CodingKey { case key, value, `default` }
    }
}
