import ChaperoneModel

extension ConfigurationLoader {
    static let exposedRecipientsKeys = ["threshold", "action", "keep_internal_visible"]

    /// The `exposed_recipients:` section (the Bcc mistake).
    static func readExposedRecipients(
        _ field: YAMLField, into settings: inout Configuration.ExposedRecipients
    ) throws(ConfigurationError) {
        try field.mapping(known: exposedRecipientsKeys) { (key, value) throws(ConfigurationError) in
            switch key {
            case "threshold": settings.threshold = try value.int(in: 2...100_000)
            case "action": settings.action = try value.choice(Configuration.ExposureAction.self)
            default: settings.keepInternalVisible = try value.bool()
            }
        }
    }
}
