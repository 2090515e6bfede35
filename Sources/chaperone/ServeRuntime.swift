import ChaperoneModel
import MilterServer
import Store

/// What `serve` runs on: configuration, scanner and store, built at start and again on
/// every SIGHUP.
struct ServeRuntime {
    var configuration: Configuration
    var scanner: any MessageScanning
    var store: any DecisionStore

    /// Builds the runtime from the options: configuration file, then command-line
    /// overrides, then the roster, the scan pipeline and the store. Throws (and `serve`
    /// refuses the reload, keeping the old runtime) if anything is broken.
    ///
    /// LEAD: three pieces come from other modules and are wired here at merge time:
    /// 1. `Policy.ConfigurationLoader` to read `options.config` (YAML, line-accurate errors);
    /// 2. `ScanPipeline` (built from the configuration and the imported roster) as the
    ///    `MessageScanning` scanner, with its config/roster fingerprint as `configVersion`;
    /// 3. the SQLite `DecisionStore` opened at `configuration.store.database`.
    static func make(_ options: ServeOptions) throws -> ServeRuntime {
        var configuration = Configuration()
        if let file = options.config {
            throw ServeError.notYetWired(component: "Policy.ConfigurationLoader", needed: "to read \(file)")
        }
        configuration.apply(options)
        throw ServeError.notYetWired(component: "ScanPipeline and the SQLite DecisionStore", needed: "to scan and record")
    }
}

extension Configuration {
    /// Command-line overrides on top of the file.
    mutating func apply(_ options: ServeOptions) {
        if !options.roster.isEmpty { self.roster.files = options.roster }
        if let staff = options.staff { self.roster.staffFile = staff }
        if !options.schoolDomains.isEmpty { self.school.domains = options.schoolDomains }
        if !options.partnerDomains.isEmpty { self.school.partnerDomains = options.partnerDomains }
        if let listen = options.listen { self.milter.listen = listen }
        if let database = options.database { self.store.database = database }
    }
}
