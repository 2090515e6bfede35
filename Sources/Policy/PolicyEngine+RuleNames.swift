extension PolicyEngine {
    /// Every rule the engine can fire, by the name decisions record. `shadow:` and
    /// `learned.yaml` name rules from this list, so a mistyped name is an error rather
    /// than a rule that silently never runs. (A test holds it equal to the rule names
    /// written in this module's sources.)
    public static let ruleNames: Set<String> = [
        "3.secret-or-private-contact", "3.staff-contact-details", "3.student-personal-address",
        "5.images-outside-consent-refused", "5.images-outside-consent-unknown", "5.images-outside-review",
        "5.images-publication-consent-refused", "5.images-publication-consent-unknown", "5.images-to-personal",
        "7.2.executable-outside", "7.2.pupil-data-to-personal", "7.credentials-outside",
        "8.misdirected-to-parent", "8.misdirected-to-student", "8.names-list-without-consent", "8.pupil-name-outside",
        "8.pupil-sends-other-pupils-data", "8.recipients-exposed", "8.restricted-contact", "8.sensitive-to-outside",
        "8.sensitive-to-partner", "8.unscannable-outside", "8.without-parental-responsibility",
    ]
}
