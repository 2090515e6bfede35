import ChaperoneModel

/// The engine's tunable inputs, fixed at construction.
struct DetectionSettings: Sendable {
    var thresholds: Configuration.Thresholds
    var webmailDomains: Set<String>
    /// The school's own social-media handles, lower-cased, without `@` or link.
    var officialSocialAccounts: Set<String> = []
    /// Limits that tell logos and icons from photos.
    var images = Configuration.Images()

    /// "@RalphThoresbyPE", "https://instagram.com/ralphthoresby/" → "ralphthoresbype", "ralphthoresby".
    static func handle(ofAccount account: String) -> String {
        let trimmed = account.trimmingSpaces.lowercased()
        let last = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
        return last.hasPrefix("@") ? String(last.dropFirst()) : last
    }
}
