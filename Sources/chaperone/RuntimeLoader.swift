import ChaperoneModel
import Foundation
import Policy
import RecipientExpansion
import RosterImport
import ScanPipeline

/// Reads the configuration and roster files named by `RuntimeOptions` and builds the
/// scanning pipeline: the file-system edge in front of the pure core. Used by `scan`,
/// `serve` (at start and on SIGHUP) and `check-config`.
struct RuntimeLoader {
    /// Everything a loaded runtime holds.
    struct Loaded {
        var configuration: Configuration
        var pipeline: ScanPipeline
        var rosterReport: RosterImportResult
        /// Expands recipients through Postfix and the list file; nil when not configured.
        var expander: RecipientExpander?
    }

    /// What went wrong while loading, in words a technician can act on.
    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    let options: RuntimeOptions
    /// Further overrides applied after the shared options (e.g. `serve --listen`).
    var overrides: (inout Configuration) -> Void = { _ in }

    init(options: RuntimeOptions) {
        self.options = options
    }

    func resolvedConfiguration() throws -> Configuration {
        var configuration = try loadConfiguration(path: options.config)
        if !options.roster.isEmpty { configuration.roster.files = options.roster }
        if let staff = options.staff { configuration.roster.staffFile = staff }
        if !options.schoolDomains.isEmpty { configuration.school.domains = options.schoolDomains.map { $0.lowercased() } }
        if !options.partnerDomains.isEmpty { configuration.school.partnerDomains = options.partnerDomains.map { $0.lowercased() } }
        if let directory = options.postfixConfig { configuration.expansion.postfixConfigDirectory = directory }
        overrides(&configuration)
        if configuration.school.domains.isEmpty {
            throw LoadError(description: "no school domain is configured: pass --config FILE (school.domains) or --school-domain DOMAIN")
        }
        return configuration
    }

    func load() throws -> Loaded {
        let configuration = try resolvedConfiguration()
        let sources = try configuration.roster.files.map { path in
            RosterSource(name: path, bytes: try readBytes(path, what: "roster file"))
        }
        let staff = try configuration.roster.staffFile.map { path in
            RosterSource(name: path, bytes: try readBytes(path, what: "staff file"))
        }
        let result = RosterImporter.importFiles(
            sources, staff: staff, consentHeadings: ConsentHeadings(configured: configuration.roster.consentColumns))
        if result.isFatal {
            let problems = result.problems.prefix(10).map { "  \($0)" }.joined(separator: "\n")
            throw LoadError(description: "the roster could not be loaded:\n\(problems)")
        }
        let version = Self.fingerprint(configuration: configuration, roster: result.roster)
        let pipeline = ScanPipeline(configuration: configuration, roster: result.roster, version: version)
        let expander: RecipientExpander?
        do {
            expander = try RecipientExpander.make(configuration: configuration)
        } catch {
            throw LoadError(description: "recipient expansion cannot start: \(error)")
        }
        return Loaded(configuration: configuration, pipeline: pipeline, rosterReport: result, expander: expander)
    }

    /// A short fingerprint of the configuration and roster, recorded with each decision.
    static func fingerprint(configuration: Configuration, roster: Roster) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let bytes = (try? encoder.encode(configuration)) ?? Data()
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for student in roster.students {
            for byte in student.key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            // A consent changed in the MIS changes §5 decisions, so it changes the version.
            let consents = student.imageConsent.recorded.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }
            for byte in consents.joined(separator: ",").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        hash ^= UInt64(roster.students.count) &* 31 &+ UInt64(roster.contacts.count)
        return String(hash, radix: 16)
    }

    private func readBytes(_ path: String, what: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(description: "cannot read the \(what) '\(path)': check the path and its permissions")
        }
        return [UInt8](data)
    }
}
