/// What self-service a decision allows its sender: the least permission among the
/// rules that held it, `none` for anything that touches §3 or §4, for mail not held,
/// and for senders who are not staff. Pure: a report and the configuration in.
public enum SelfServiceScope {
    /// The `actions:` key a policy rule's name answers to (`8.pupil-name-outside` →
    /// `pupil_name_outside`); nil for a rule name this version does not know.
    public static func ruleKey(forRule rule: String) -> String? {
        if rule.hasPrefix("3.") { return "social_contact" }
        if rule.hasPrefix("4.") { return "social_media" }
        if rule.hasPrefix("5.") { return "images" }
        if rule.hasPrefix("7.2.") { return "unacceptable_use" }
        if rule.hasPrefix("7.") { return "internet_use" }
        switch rule {
        case "8.sensitive-to-partner": return "partner_sensitive"
        case "8.pupil-name-outside": return "pupil_name_outside"
        case "8.unscannable-outside": return "unscannable_outside"
        case "8.without-parental-responsibility": return "without_parental_responsibility"
        default: return rule.hasPrefix("8.") ? "confidentiality" : nil
        }
    }

    /// What the sender of `report` may do from their notice: the least permission of
    /// the rules that held it. A rule that only tagged (its configured action is below
    /// quarantine) does not count; a rule this version cannot name allows nothing.
    public static func permission(for report: ScanReport, configuration: Configuration) -> SelfServicePermission {
        guard report.action == .quarantine, report.sender.role == .staff, !report.alertsSafeguardingLead else { return .none }
        let social: [Section] = [.socialContact, .socialMedia]
        guard !report.governingSections.contains(where: social.contains), !report.sections.contains(where: social.contains) else {
            return .none
        }
        var permissions: [SelfServicePermission] = []
        for rule in report.rules {
            guard let key = ruleKey(forRule: rule) else { return .none }
            if let configured = configuredAction(forKey: key, actions: configuration.actions), configured < .quarantine { continue }
            permissions.append(configuration.selfService.permission(forRuleKey: key))
        }
        return permissions.min() ?? .none
    }

    private static func configuredAction(forKey key: String, actions: Configuration.Actions) -> Action? {
        switch key {
        case "partner_sensitive": actions.partnerSensitive
        case "pupil_name_outside": actions.pupilNameOutside
        case "unscannable_outside": actions.unscannableOutside
        case "without_parental_responsibility": actions.withoutParentalResponsibility
        default: nil
        }
    }
}
