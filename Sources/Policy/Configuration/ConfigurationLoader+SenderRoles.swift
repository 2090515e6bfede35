import ChaperoneModel

extension ConfigurationLoader {
    static let senderKeys = ["pupil_domains", "system_senders", "no_reply_local_parts", "system_owner", "unlisted_school_senders"]

    static func readSenders(_ field: YAMLField, into senders: inout Configuration.SenderRoles) throws(ConfigurationError) {
        try field.mapping(known: senderKeys) { (key, value) throws(ConfigurationError) in
            switch key {
            case "pupil_domains":
                senders.pupilDomains = try value.strings().map { $0.lowercased() }
                for domain in senders.pupilDomains where domain.isEmpty || domain.contains("@") || domain.contains(" ") {
                    throw value.error("'\(domain)' is not a domain name: write the part after the @, e.g. pupils.myschool.sch.uk")
                }
            case "system_senders":
                senders.systemSenders = try value.strings().map { $0.lowercased() }
                for entry in senders.systemSenders where !entry.contains("@") || entry.hasSuffix("@") || entry.contains(" ") {
                    throw value.error("'\(entry)' is not an address or @domain: write e.g. sims@myschool.sch.uk or @parentmail.example")
                }
            case "no_reply_local_parts":
                senders.noReplyLocalParts = try value.strings().map { $0.lowercased() }
            case "system_owner":
                senders.systemOwner = try value.optionalString()
                if let owner = senders.systemOwner, !isAddress(owner) {
                    throw value.error("'\(owner)' is not an email address: give the mailbox that looks after the system senders, e.g. data.manager@myschool.sch.uk")
                }
            default:
                let role = try value.choice(SenderRole.self)
                guard role == .staff || role == .pupil else {
                    throw value.error("'\(role.rawValue)' is not allowed here: use staff or pupil")
                }
                senders.unlistedSchoolSenders = role
            }
        }
    }

    static func readPupils(_ field: YAMLField, into pupils: inout Configuration.PupilPolicy) throws(ConfigurationError) {
        try field.mapping(known: ["other_pupils_outside", "alert_dsl", "contact"]) { (key, value) throws(ConfigurationError) in
            switch key {
            case "other_pupils_outside": pupils.otherPupilsOutside = try value.choice(Action.self)
            case "alert_dsl": pupils.alertDSL = try value.bool()
            default: pupils.contact = try value.optionalString()
            }
        }
    }

    static func readScope(_ field: YAMLField, into scope: inout Configuration.Scope) throws(ConfigurationError) {
        try field.mapping(known: ["inbound"]) { (_, value) throws(ConfigurationError) in
            scope.inbound = try value.choice(Configuration.InboundScope.self)
        }
    }

    private static func isAddress(_ text: String) -> Bool {
        guard let at = text.firstIndex(of: "@"), at > text.startIndex else { return false }
        return !text.contains(" ") && text.index(after: at) < text.endIndex && text.filter { $0 == "@" }.count == 1
    }
}
