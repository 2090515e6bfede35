import ChaperoneModel
import Yams

extension ConfigurationLoader {
    /// Keys a `schools:` entry may set. `partner_domains` and `extra_webmail_domains`
    /// add to the shared lists; every other key replaces the shared value, key by key.
    /// `alert_recipients` replaces `notifications.alert_recipients` for the school's mail.
    static let schoolEntryKeys = [
        "id", "name", "domains", "partner_domains", "partner_schools", "extra_webmail_domains", "official_social_accounts",
        "it_contact", "safeguarding_lead", "roster", "senders", "pupils", "actions", "thresholds", "images", "explanations",
        "scope", "exposed_recipients", "alert_recipients",
    ]

    /// Settings that belong to the whole deployment (one listener, one store, one set of
    /// limits), so a school cannot override them.
    static let trustWideKeys = [
        "limits", "attachments", "milter", "store", "release", "notifications", "expansion", "metrics", "mode", "gateway", "web",
        "tagging", "schools", "unknown_school", "school",
    ]

    /// Longest school id: it is written in tag headers and decision rows.
    static let maxSchoolIDLength = 32

    /// Reads `schools:` once every shared section is read, so each school starts from the
    /// shared settings, then checks the list as a whole: unique ids, no domain or roster
    /// file claimed by two schools, partner schools that exist.
    static func readSchools(_ field: YAMLField, shared: Configuration, base: String?) throws(ConfigurationError) -> [Configuration.SchoolEntry] {
        guard case .sequence(let sequence) = field.node, !sequence.isEmpty else {
            throw field.error("schools must be a list of schools, each with id, name, domains and roster, e.g.\n  schools:\n    - id: ash\n      name: Ash Grove Primary\n      domains: [ashgrove.example]")
        }
        var entries: [Configuration.SchoolEntry] = []
        var partnerSchools: [(school: Int, ids: [String], field: YAMLField)] = []
        var seenIDs: [String: Int] = [:], seenDomains: [String: String] = [:], seenFiles: [String: String] = [:]
        for (index, node) in sequence.enumerated() {
            let entryField = YAMLField(node: node, keyPath: "schools[\(index)]", source: field.source)
            let (entry, partners) = try readSchool(entryField, shared: shared, base: base)
            if let first = seenIDs[entry.id] {
                throw (entryField.child("id") ?? entryField).error("school id '\(entry.id)' is also schools[\(first)]'s: give every school its own id")
            }
            seenIDs[entry.id] = index
            let school = entry.configuration
            for domain in school.school.domains + school.senders.pupilDomains {
                if let owner = seenDomains[domain], owner != entry.id {
                    throw (entryField.child("domains") ?? entryField).error("domain '\(domain)' is also school '\(owner)'s: each domain belongs to one school (list another school's domain under partner_domains or partner_schools instead)")
                }
                seenDomains[domain] = entry.id
            }
            for file in school.roster.files + [school.roster.staffFile].compactMap({ $0 }) {
                if let owner = seenFiles[file], owner != entry.id {
                    throw (entryField.child("roster") ?? entryField).error("roster file '\(file)' is also school '\(owner)'s: give each school its own roster and staff files")
                }
                seenFiles[file] = entry.id
            }
            if let partners { partnerSchools.append((index, partners.ids, partners.field)) }
            entries.append(entry)
        }
        for (school, ids, idsField) in partnerSchools {
            for id in ids {
                guard let partner = entries.first(where: { $0.id == id }) else {
                    throw idsField.error("partner school '\(id)' is not a school id here: use one of \(entries.map(\.id).joined(separator: ", "))")
                }
                guard partner.id != entries[school].id else { throw idsField.error("a school cannot be its own partner: remove '\(id)'") }
                let domains = partner.configuration.school.domains + partner.configuration.senders.pupilDomains
                entries[school].configuration.school.partnerDomains += domains.filter { !entries[school].configuration.school.partnerDomains.contains($0) }
            }
        }
        return entries
    }

    /// One `schools:` entry over the shared settings, with its `partner_schools` ids
    /// (resolved once every school is read).
    private static func readSchool(_ field: YAMLField, shared: Configuration, base: String?) throws(ConfigurationError) -> (Configuration.SchoolEntry, (ids: [String], field: YAMLField)?) {
        guard case .mapping(let mapping) = field.node else {
            throw field.error("each school is a section of key: value lines (id, name, domains, roster, ...)")
        }
        for (keyNode, _) in mapping {
            let key = keyNode.string ?? ""
            if trustWideKeys.contains(key) {
                throw YAMLField(node: keyNode, keyPath: "\(field.keyPath).\(key)", source: field.source)
                    .error("'\(key)' is shared by every school: set it at the top level, not under a school")
            }
        }
        var configuration = shared
        configuration.schools = []
        var id: String?, named = false, partners: (ids: [String], field: YAMLField)?
        try field.mapping(known: schoolEntryKeys) { (key, value) throws(ConfigurationError) in
            switch key {
            case "id": id = try schoolID(value)
            case "name": configuration.school.name = try value.string(); named = true
            case "domains": configuration.school.domains = try value.strings().map { $0.lowercased() }
            case "partner_domains": configuration.school.partnerDomains = shared.school.partnerDomains + (try value.strings().map { $0.lowercased() })
            case "partner_schools": partners = (try value.strings(), value)
            case "extra_webmail_domains": configuration.school.extraWebmailDomains = shared.school.extraWebmailDomains + (try value.strings().map { $0.lowercased() })
            case "official_social_accounts": configuration.school.officialSocialAccounts = try value.strings()
            case "it_contact": configuration.school.itContact = try value.string()
            case "safeguarding_lead": configuration.school.safeguardingLead = try value.string()
            case "roster": try readRoster(value, into: &configuration.roster, base: base)
            case "senders": try readSenders(value, into: &configuration.senders)
            case "pupils": try readPupils(value, into: &configuration.pupils)
            case "actions": try readActions(value, into: &configuration.actions)
            case "thresholds": try readThresholds(value, into: &configuration.thresholds)
            case "images": try readImages(value, into: &configuration.images)
            case "explanations": try readExplanations(value, into: &configuration.explanations)
            case "scope": try readScope(value, into: &configuration.scope)
            case "alert_recipients":
                let recipients = try value.strings()
                if let bad = recipients.first(where: { !isPlainAddress($0) }) {
                    throw value.error("'\(bad)' is not an email address: list the school's DSL and IT mailboxes, e.g. [dsl@ashgrove.sch.uk]")
                }
                configuration.notifications.alertRecipients = recipients
            default: try readExposedRecipients(value, into: &configuration.exposedRecipients)
            }
        }
        guard let id else { throw field.error("this school has no id: add a short one, e.g. id: ash-grove") }
        guard named else { throw field.error("school '\(id)' has no name: add the name staff know it by, e.g. name: Ash Grove Primary") }
        guard !configuration.school.domains.isEmpty else {
            throw field.error("school '\(id)' has no domains: list its mail domains, e.g. domains: [ashgrove.sch.uk]")
        }
        guard !configuration.roster.files.isEmpty else {
            throw field.error("school '\(id)' has no roster files: add roster: { files: [pupils.csv], staff_file: staff.csv }")
        }
        if configuration.isGateway, configuration.exposedRecipients.action == .rewrite, let action = field.child("exposed_recipients")?.child("action") {
            throw action.error("rewrite changes the To and Cc headers, which the tenant's DKIM signature covers; with mode: gateway use hold (or tag)")
        }
        try validateDomains(configuration, at: field)
        return (Configuration.SchoolEntry(id: id, configuration: configuration), partners)
    }

    /// A school id: lower-case letters, digits and hyphens, at most `maxSchoolIDLength`.
    private static func schoolID(_ value: YAMLField) throws(ConfigurationError) -> String {
        let id = try value.string()
        let valid = !id.isEmpty && id.count <= maxSchoolIDLength && id != "fail"
            && id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
        guard valid else {
            throw value.error("'\(id)' is not a school id: use up to \(maxSchoolIDLength) lower-case letters, digits and hyphens (not 'fail'), e.g. ash-grove")
        }
        return id
    }

    /// `unknown_school: fail | <school id>`, checked against the schools read.
    static func readUnknownSchool(_ field: YAMLField, schools: [Configuration.SchoolEntry]) throws(ConfigurationError) -> Configuration.UnknownSchool {
        let text = try field.string()
        if text == "fail" { return .fail }
        guard schools.contains(where: { $0.id == text }) else {
            throw field.error("'\(text)' is neither fail nor a school id: use fail, or one of \(schools.map(\.id).joined(separator: ", "))")
        }
        return .school(text)
    }

    /// With `schools:`, the top level holds only shared settings: a top-level domain or
    /// roster file would belong to no school.
    static func checkSharedTopLevel(_ configuration: Configuration, root: YAMLField) throws(ConfigurationError) {
        if !configuration.school.domains.isEmpty {
            throw (root.child("school")?.child("domains") ?? root).error("with schools:, each school lists its own domains: move school.domains into the school it belongs to")
        }
        if !configuration.roster.files.isEmpty || configuration.roster.staffFile != nil {
            throw (root.child("roster") ?? root).error("with schools:, each school names its own roster: move roster.files and roster.staff_file into the school they belong to (roster.consent_columns may stay here, shared)")
        }
        if !configuration.senders.pupilDomains.isEmpty {
            throw (root.child("senders")?.child("pupil_domains") ?? root).error("with schools:, pupil domains belong to a school: move senders.pupil_domains into the school's senders:")
        }
    }
}

extension YAMLField {
    /// The value of `key` in this mapping, with its key path, or nil.
    func child(_ key: String) -> YAMLField? {
        guard let node = node[key] else { return nil }
        return YAMLField(node: node, keyPath: keyPath.isEmpty ? key : "\(keyPath).\(key)", source: source)
    }
}
