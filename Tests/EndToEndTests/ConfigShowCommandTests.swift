import Foundation
import Testing

/// `chaperone config show`: every key in force, the unset optional ones as `null`
/// (`postconf -d`), `--changed` only what differs from the defaults (`postconf -n`).
/// (CLIContractTests checks the sample's values and sorting.)
struct ConfigShowCommandTests {
    /// `key = value` lines as a dictionary; fails on any other line.
    static func settings(_ output: String) throws -> [String: String] {
        var settings: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " = ", maxSplits: 1, omittingEmptySubsequences: false)
            try #require(parts.count == 2, "not a key = value line: \(line)")
            settings[String(parts[0])] = String(parts[1])
        }
        return settings
    }

    /// Optional keys nothing sets by default, one from each section that has them.
    static let unsetByDefault = [
        "roster.staff_file", "tagging.subject_prefix", "expansion.postfix_config_directory", "expansion.list_file",
        "web.tls_certificate", "web.tls_key", "gateway.notice_mailbox", "metrics.listen", "web.public_url",
    ]

    @Test func defaultsListEveryOptionalKeyAsNull() throws {
        let run = try CLIRun.run(["config", "show"])
        #expect(run.status == 0, "\(run.errors)")
        let defaults = try Self.settings(run.output)
        for key in Self.unsetByDefault {
            #expect(defaults[key] == "null", "\(key) is \(defaults[key] ?? "missing")")
        }
        #expect(defaults["tagging.trace_header"] == "X-Chaperone", "a set optional shows its default")
        // Keys are the file's snake_case names, sorted, each once.
        let keys = run.output.split(separator: "\n").map { $0.split(separator: " = ")[0] }
        #expect(keys == keys.sorted())
        #expect(keys.allSatisfy { $0.wholeMatch(of: /[a-z0-9_]+(\.[a-z0-9_]+)*/) != nil }, "\(keys)")
    }

    @Test func theSampleSetsTheSameKeysAsTheDefaultsAndChangedListsOnlyItsOwn() throws {
        let defaults = try Self.settings(try CLIRun.run(["config", "show"]).output)
        let sample = try CLIRun.run(["config", "show", "--config", "samples/chaperone.yaml"])
        #expect(sample.status == 0, "\(sample.errors)")
        let effective = try Self.settings(sample.output)
        #expect(Set(effective.keys) == Set(defaults.keys))
        #expect(effective["roster.staff_file"]?.hasSuffix("samples/roster/staff.csv") == true)
        #expect(effective["web.tls_key"] == "null")

        let changed = try Self.settings(try CLIRun.run(["config", "show", "--changed", "--config", "samples/chaperone.yaml"]).output)
        #expect(changed["store.database"] == "/tmp/chaperone-sample.sqlite")
        #expect(changed["web.tls_key"] == nil && changed["milter.fail_action"] == nil)
        for (key, value) in changed { #expect(defaults[key] != value, "\(key) is listed as changed but is the default") }
    }

    @Test func jsonGivesKeyValueAndDefaultWithNullForUnset() throws {
        let run = try CLIRun.run(["config", "show", "--json"])
        #expect(run.status == 0, "\(run.errors)")
        let lines = try CLIRun.jsonLines(run.output)
        let tlsKey = try #require(lines.first { $0["key"] as? String == "web.tls_key" })
        #expect(tlsKey["value"] is NSNull && tlsKey["default"] is NSNull)
        let database = try #require(lines.first { $0["key"] as? String == "store.database" })
        #expect(database["value"] as? String == "/var/lib/chaperone/chaperone.sqlite")
        #expect(lines.allSatisfy { $0["key"] is String && ($0["value"] is String || $0["value"] is NSNull) })
    }
}
