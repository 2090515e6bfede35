import ChaperoneModel

extension ConfigurationLoader {
    /// The `self_service:` section: `token_hours` and, under `rules:`, `none`, `request`
    /// or `release` per `actions:` key. §3 and §4 (`social_contact`, `social_media`) are
    /// refused anything but `none`: social contact with pupils is never self-released.
    static func readSelfService(_ field: YAMLField, into selfService: inout Configuration.SelfService) throws(ConfigurationError) {
        try field.mapping(known: ["token_hours", "max_justification_characters", "rules"]) { (key, value) throws(ConfigurationError) in
            switch key {
            case "token_hours": selfService.tokenHours = try value.int(in: 1...720)
            case "max_justification_characters": selfService.maxJustificationCharacters = try value.int(in: 20...5_000)
            default: selfService.rules.merge(try readSelfServiceRules(value)) { _, set in set }
            }
        }
    }

    private static func readSelfServiceRules(_ field: YAMLField) throws(ConfigurationError) -> [String: SelfServicePermission] {
        var rules: [String: SelfServicePermission] = [:]
        try field.mapping(known: Configuration.SelfService.ruleKeys) { (key, value) throws(ConfigurationError) in
            let permission = try value.choice(SelfServicePermission.self)
            if Configuration.SelfService.neverSelfServed.contains(key), permission != .none {
                throw value.error(
                    "self_service.rules.\(key): \(permission.rawValue) is not allowed: §3 and §4 (social contact with pupils) are never self-releasable, whatever the configuration says; set \(key): none or remove it")
            }
            rules[key] = permission
        }
        return rules
    }
}
