import ChaperoneModel
import Foundation
import Policy
import RecipientExpansion
import RosterImport
import ScanPipeline

/// Reads the configuration and roster files named by `RuntimeOptions` and builds the
/// scanning pipelines, one per school: the file-system edge in front of the pure core.
/// Used by `scan`, `serve` (at start and on SIGHUP) and `check-config`.
struct RuntimeLoader {
    /// Everything a loaded runtime holds.
    struct Loaded {
        var configuration: Configuration
        var pipelines: SchoolPipelines
        /// Every school as loaded (one, with a nil id, in the single-school form): a
        /// reload passes these back to keep the pipelines of schools that did not change.
        var schools: [LoadedSchool]
        /// Expands recipients through Postfix and the list file; nil when not configured.
        var expander: RecipientExpander?

        /// Pupils on every school's roster.
        var pupilCount: Int { schools.reduce(0) { $0 + $1.rosterReport.roster.students.count } }
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
        if configuration.hasSchoolList {
            let given = [(!options.roster.isEmpty, "--roster"), (options.staff != nil, "--staff"),
                         (!options.schoolDomains.isEmpty, "--school-domain"), (!options.partnerDomains.isEmpty, "--partner-domain")]
            if let option = given.first(where: \.0)?.1 {
                throw LoadError(description: "\(option) applies to a one-school configuration; \(options.config ?? "the configuration") lists schools: set it in the school's entry instead")
            }
        }
        if !options.roster.isEmpty { configuration.roster.files = options.roster }
        if let staff = options.staff { configuration.roster.staffFile = staff }
        if !options.schoolDomains.isEmpty { configuration.school.domains = options.schoolDomains.map { $0.lowercased() } }
        if !options.partnerDomains.isEmpty { configuration.school.partnerDomains = options.partnerDomains.map { $0.lowercased() } }
        if let directory = options.postfixConfig { configuration.expansion.postfixConfigDirectory = directory }
        overrides(&configuration)
        if !configuration.hasSchoolList, configuration.school.domains.isEmpty {
            throw LoadError(description: "no school domain is configured: pass --config FILE (school.domains) or --school-domain DOMAIN")
        }
        return configuration
    }

    /// Loads everything; `previous` (a reload's last load) lets unchanged schools keep
    /// their pipelines.
    func load(previous: [LoadedSchool] = []) throws -> Loaded {
        let configuration = try resolvedConfiguration()
        let files = try configuration.schoolConfigurations.map { school in
            let which = school.id.map { "school '\($0)': " } ?? ""
            return SchoolRosterFiles(
                id: school.id, configuration: school.configuration,
                rosters: try school.configuration.roster.files.map { path in
                    RosterSource(name: path, bytes: try readBytes(path, what: "\(which)roster file"))
                },
                staff: try school.configuration.roster.staffFile.map { path in
                    RosterSource(name: path, bytes: try readBytes(path, what: "\(which)staff file"))
                })
        }
        var schools: [LoadedSchool] = []
        for result in SchoolPipelines.load(files, previous: previous) {
            switch result {
            case .success(let school): schools.append(school)
            case .failure(let error): throw LoadError(description: error.description)
            }
        }
        let expander: RecipientExpander?
        do {
            expander = try RecipientExpander.make(configuration: configuration)
        } catch {
            throw LoadError(description: "recipient expansion cannot start: \(error)")
        }
        return Loaded(configuration: configuration, pipelines: SchoolPipelines(configuration: configuration, loaded: schools),
                      schools: schools, expander: expander)
    }

    /// Reads a whole file to its end: a regular file, or a pipe such as a MIS export
    /// streamed in (`FileManager.contents` gives nothing for a FIFO).
    private func readBytes(_ path: String, what: String) throws -> [UInt8] {
        let cannotRead = LoadError(description: "cannot read the \(what) '\(path)': check the path and its permissions")
        guard let handle = FileHandle(forReadingAtPath: path) else { throw cannotRead }
        defer { try? handle.close() }
        do {
            return [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            throw cannotRead
        }
    }
}
