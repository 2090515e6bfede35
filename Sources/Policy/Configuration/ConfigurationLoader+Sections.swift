import ChaperoneModel

extension ConfigurationLoader {
    static func readSchool(_ field: YAMLField, into school: inout Configuration.School) throws(ConfigurationError) {
        try field.mapping(known: ["name", "domains", "partner_domains", "extra_webmail_domains", "official_social_accounts", "it_contact", "safeguarding_lead"]) { (key, value) throws(ConfigurationError) in
            switch key {
            case "name": school.name = try value.string()
            case "domains": school.domains = try value.strings().map { $0.lowercased() }
            case "partner_domains": school.partnerDomains = try value.strings().map { $0.lowercased() }
            case "extra_webmail_domains": school.extraWebmailDomains = try value.strings().map { $0.lowercased() }
            case "official_social_accounts": school.officialSocialAccounts = try value.strings()
            case "it_contact": school.itContact = try value.string()
            default: school.safeguardingLead = try value.string()
            }
        }
    }

    static func readRoster(_ field: YAMLField, into roster: inout Configuration.RosterFiles, base: String?) throws(ConfigurationError) {
        try field.mapping(known: ["files", "staff_file", "consent_columns"]) { (key, value) throws(ConfigurationError) in
            switch key {
            case "files": roster.files = try value.strings().map { resolve($0, base: base) }
            case "consent_columns": roster.consentColumns = try readConsentColumns(value)
            default: roster.staffFile = try value.optionalString().map { resolve($0, base: base) }
            }
        }
    }

    static func readThresholds(_ field: YAMLField, into thresholds: inout Configuration.Thresholds) throws(ConfigurationError) {
        try field.mapping(known: ["bulk_pupils", "proximity_window", "minimum_confidence"]) { (key, value) throws(ConfigurationError) in
            switch key {
            case "bulk_pupils": thresholds.bulkPupils = try value.int(in: 2...100_000)
            case "proximity_window": thresholds.proximityWindow = try value.int(in: 10...100_000)
            default: thresholds.minimumConfidence = try value.double(in: 0...1)
            }
        }
    }

    static var actionKeys: [(String, WritableKeyPath<Configuration.Actions, Action>)] { [
        ("social_contact", \.socialContact), ("social_media", \.socialMedia), ("images", \.images),
        ("internet_use", \.internetUse), ("unacceptable_use", \.unacceptableUse),
        ("confidentiality", \.confidentiality), ("partner_sensitive", \.partnerSensitive),
        ("pupil_name_outside", \.pupilNameOutside), ("unscannable_outside", \.unscannableOutside),
        ("without_parental_responsibility", \.withoutParentalResponsibility),
    ] }

    static func readActions(_ field: YAMLField, into actions: inout Configuration.Actions) throws(ConfigurationError) {
        try field.mapping(known: actionKeys.map(\.0)) { (key, value) throws(ConfigurationError) in
            if let path = actionKeys.first(where: { $0.0 == key })?.1 {
                actions[keyPath: path] = try value.choice(Action.self)
            }
        }
    }

    static func readTagging(_ field: YAMLField, into tagging: inout Configuration.Tagging) throws(ConfigurationError) {
        try field.mapping(known: ["header", "subject_prefix", "trace_header"]) { (key, value) throws(ConfigurationError) in
            switch key {
            case "header": tagging.header = try headerName(value)
            case "subject_prefix": tagging.subjectPrefix = try value.optionalString()
            default: tagging.traceHeader = value.isNull ? nil : try headerName(value)
            }
        }
    }

    private static func headerName(_ value: YAMLField) throws(ConfigurationError) -> String {
        let name = try value.string()
        let valid = !name.isEmpty && name.utf8.allSatisfy { $0 > 32 && $0 < 127 && $0 != UInt8(ascii: ":") }
        guard valid else { throw value.error("'\(name)' is not a valid header name: use letters, digits and hyphens, e.g. X-Chaperone") }
        return name
    }

    static func readExplanations(_ field: YAMLField, into explanations: inout [Section: String]) throws(ConfigurationError) {
        try field.mapping(known: Section.allCases.map(\.rawValue)) { (key, value) throws(ConfigurationError) in
            if let section = Section(rawValue: key) { explanations[section] = try value.string() }
        }
    }

    static func readAttachments(_ field: YAMLField, into attachments: inout Configuration.Attachments) throws(ConfigurationError) {
        try field.mapping(known: ["textless_types"]) { (_, value) throws(ConfigurationError) in
            let entries = try value.strings().map { $0.lowercased() }
            for entry in entries where !(entry.hasPrefix(".") && entry.count > 1) && !entry.contains("/") {
                throw value.error("'\(entry)' is neither a content type (application/pkcs7-signature) nor an extension with its dot (.p7s)")
            }
            attachments.textlessTypes = entries
        }
    }
}
