import ChaperoneModel

extension CheckConfigCommand {
    /// What sender self-service allows, per rule, and whether notices carry links.
    static func selfServiceLines(_ configuration: Configuration) -> [String] {
        let selfService = configuration.selfService
        let allowed = selfService.rules.filter { $0.value != .none }.sorted { $0.key < $1.key }
        guard !allowed.isEmpty else { return ["  self-service: none (no rule allows it)"] }
        let links = configuration.web.publicURL.map { "links to \($0)/self-service, valid \(selfService.tokenHours) h" }
            ?? "no links: web.public_url is not set, so notices are unchanged"
        return [
            "  self-service: " + allowed.map { "\($0.key) \($0.value.rawValue)" }.joined(separator: ", ") + "; \(links)",
            "    social_contact (§3) and social_media (§4) are never self-releasable, whatever the configuration says",
        ]
    }
}
