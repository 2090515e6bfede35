import ChaperoneModel
import Yams

extension ConfigurationLoader {
    static let imagesKeys = [
        "unknown_consent", "review_press_images", "decoration_max_side_pixels", "banner_min_aspect_ratio",
        "decoration_max_bytes",
    ]
    static let unknownConsentKeys = ["parents", "internal", "outside"]

    /// The `images:` section (§5 consent, and logos told from photos).
    static func readImages(_ field: YAMLField, into images: inout Configuration.Images) throws(ConfigurationError) {
        try field.mapping(known: imagesKeys) { (key, value) throws(ConfigurationError) in
            switch key {
            case "unknown_consent":
                try value.mapping(known: unknownConsentKeys) { (route, action) throws(ConfigurationError) in
                    let chosen = try action.choice(Action.self)
                    switch route {
                    case "parents": images.unknownConsent.parents = chosen
                    case "internal": images.unknownConsent.internalRecipients = chosen
                    default: images.unknownConsent.outside = chosen
                    }
                }
            case "review_press_images": images.reviewPressImages = try value.bool()
            case "decoration_max_side_pixels": images.decorationMaxSidePixels = try value.int(in: 0...10_000)
            case "banner_min_aspect_ratio": images.bannerMinAspectRatio = try value.double(in: 1...100)
            default: images.decorationMaxBytes = try value.int(in: 0...100_000_000)
            }
        }
    }

    /// `roster.consent_columns:` — MIS heading → a purpose or a list of purposes
    /// (`school_publications`, `website`, `press_and_media`); `[]` says the heading is
    /// not an image consent.
    static func readConsentColumns(_ field: YAMLField) throws(ConfigurationError) -> [String: [ConsentPurpose]] {
        if field.isNull { return [:] }
        guard case .mapping(let mapping) = field.node else {
            throw field.error("expected MIS headings with their purposes, e.g. \"Photos - Newsletter\": school_publications")
        }
        var columns: [String: [ConsentPurpose]] = [:]
        for (keyNode, valueNode) in mapping {
            let heading = keyNode.string ?? ""
            let value = YAMLField(node: valueNode, keyPath: "\(field.keyPath).\(heading)", source: field.source)
            guard !heading.isEmpty else { throw value.error("a consent heading is empty: write it as the export does") }
            guard columns[heading] == nil else { throw value.error("heading '\(heading)' is given twice") }
            if case .scalar = valueNode, !value.isNull {
                columns[heading] = [try value.choice(ConsentPurpose.self)]
            } else {
                var purposes: [ConsentPurpose] = []
                for (index, name) in try value.strings().enumerated() {
                    guard let purpose = ConsentPurpose(rawValue: name) else {
                        let allowed = ConsentPurpose.allCases.map(\.rawValue).joined(separator: ", ")
                        throw YAMLField(node: valueNode, keyPath: "\(value.keyPath)[\(index)]", source: field.source)
                            .error("'\(name)' is not one of: \(allowed)")
                    }
                    purposes.append(purpose)
                }
                columns[heading] = purposes
            }
        }
        return columns
    }
}
