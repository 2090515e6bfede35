import ChaperoneModel
import Yams

/// Reads Chaperone's YAML configuration into a `Configuration`, checking every key and
/// value and reporting the first problem with its line and column. Pure: the caller
/// reads the file; relative paths are resolved against `baseDirectory`.
public enum ConfigurationLoader {
    /// Parses `yaml` (the text of `source`). Keys left out keep their defaults.
    public static func load(yaml: String, source: String = "<string>", baseDirectory: String? = nil) throws(ConfigurationError) -> Configuration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, source: source)
        } catch {
            throw ConfigurationError(source: source, line: 0, column: 0, keyPath: "", message: "not valid YAML: \(error)")
        }
        var configuration = Configuration()
        guard let root else { return configuration }
        let field = YAMLField(node: root, keyPath: "", source: source)
        var schoolsField: YAMLField?, unknownSchoolField: YAMLField?
        try field.mapping(known: topLevelKeys) { (key, value) throws(ConfigurationError) in
            switch key {
            case "school": try readSchool(value, into: &configuration.school)
            case "roster": try readRoster(value, into: &configuration.roster, base: baseDirectory)
            case "thresholds": try readThresholds(value, into: &configuration.thresholds)
            case "actions": try readActions(value, into: &configuration.actions)
            case "tagging": try readTagging(value, into: &configuration.tagging)
            case "explanations": try readExplanations(value, into: &configuration.explanations)
            case "limits": try readLimits(value, into: &configuration.limits)
            case "attachments": try readAttachments(value, into: &configuration.attachments)
            case "milter": try readMilter(value, into: &configuration.milter, base: baseDirectory)
            case "store": try readStore(value, into: &configuration.store, base: baseDirectory)
            case "release": try readRelease(value, into: &configuration.release)
            case "notifications": try readNotifications(value, into: &configuration.notifications)
            case "senders": try readSenders(value, into: &configuration.senders)
            case "pupils": try readPupils(value, into: &configuration.pupils)
            case "scope": try readScope(value, into: &configuration.scope)
            case "expansion": try readExpansion(value, into: &configuration.expansion, base: baseDirectory)
            case "exposed_recipients": try readExposedRecipients(value, into: &configuration.exposedRecipients)
            case "images": try readImages(value, into: &configuration.images)
            case "metrics": try readMetrics(value, into: &configuration.metrics)
            case "mode": configuration.mode = try value.choice(Configuration.Mode.self)
            case "gateway": try readGateway(value, into: &configuration.gateway)
            case "web": try readWeb(value, into: &configuration.web, base: baseDirectory)
            case "self_service": try readSelfService(value, into: &configuration.selfService)
            case "learning": try readLearning(value, into: &configuration.learning)
            case "shadow": try readShadow(value, into: &configuration.shadow)
            case "schools": schoolsField = value
            case "unknown_school": unknownSchoolField = value
            default: break
            }
        }
        // The learned file sits beside the configuration unless given with a full path.
        configuration.learning.learnedFile = configuration.learning.learnedFile.map { resolve($0, base: baseDirectory) }
        guard let schoolsField else {
            if let unknownSchoolField { throw unknownSchoolField.error("unknown_school applies only with a schools: list; remove it") }
            try validate(configuration, root: field)
            try settleGatewayMode(&configuration, root: root, field: field)
            return configuration
        }
        try checkSharedTopLevel(configuration, root: field)
        try settleGatewayMode(&configuration, root: root, field: field)
        configuration.schools = try readSchools(schoolsField, shared: configuration, base: baseDirectory)
        if let unknownSchoolField { configuration.unknownSchool = try readUnknownSchool(unknownSchoolField, schools: configuration.schools) }
        return configuration
    }

    static let topLevelKeys = [
        "school", "roster", "thresholds", "actions", "tagging", "explanations",
        "limits", "attachments", "milter", "store", "release", "notifications", "senders", "pupils", "scope", "expansion",
        "exposed_recipients", "images", "metrics", "mode", "gateway", "web", "schools", "unknown_school",
        "self_service",
        "learning", "shadow",
    ]

    /// Resolves a relative path against the configuration file's directory.
    static func resolve(_ path: String, base: String?) -> String {
        guard let base, !path.hasPrefix("/"), !base.isEmpty else { return path }
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }

    private static func syntaxError(_ error: YamlError, source: String) -> ConfigurationError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ConfigurationError(source: source, line: mark.line, column: mark.column, keyPath: "", message: "YAML syntax: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigurationError(
                source: source, line: context.mark.line, column: context.mark.column, keyPath: "",
                message: "duplicated key(s) \(duplicates.joined(separator: ", ")): give each key once"
            )
        default:
            return ConfigurationError(source: source, line: 0, column: 0, keyPath: "", message: "YAML syntax: \(error)")
        }
    }

    private static func validate(_ configuration: Configuration, root: YAMLField) throws(ConfigurationError) {
        if configuration.school.domains.isEmpty {
            throw root.error("school.domains is empty: list the school's mail domains, e.g. domains: [myschool.sch.uk] (or list several schools under schools:)")
        }
        try validateDomains(configuration, at: root)
    }

    /// Every domain is a bare domain name.
    static func validateDomains(_ configuration: Configuration, at root: YAMLField) throws(ConfigurationError) {
        for domain in configuration.school.domains + configuration.school.partnerDomains + configuration.school.extraWebmailDomains
        where domain.contains("@") || domain.contains(" ") || domain.isEmpty {
            throw root.error("'\(domain)' is not a domain name: write the part after the @, e.g. myschool.sch.uk")
        }
    }
}
