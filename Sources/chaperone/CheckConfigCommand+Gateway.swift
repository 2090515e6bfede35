import ChaperoneModel

extension CheckConfigCommand {
    /// The deployment mode, and in gateway mode the warnings about tag forms that a
    /// cloud tenant's DKIM signature would not survive and where notices go.
    static func modeLines(_ configuration: Configuration) -> [String] {
        guard configuration.isGateway else {
            return ["  mode: mail_server (the school's own Postfix; a SASL login, when given, names the sender)"]
        }
        var lines = [
            "  mode: gateway (the sender is the envelope sender, as the tenant relayed it; tagging adds Chaperone's own headers only; exposed recipients → \(configuration.effectiveExposureAction.rawValue))",
        ]
        if let prefix = configuration.tagging.subjectPrefix, !prefix.isEmpty {
            lines.append("  warning: tagging.subject_prefix \"\(prefix)\" is not applied in gateway mode: the tenant's DKIM signature covers Subject, and changing it makes the signature (and DMARC) fail at the receiver. Tagged mail carries the \(configuration.tagging.header) header instead; remove subject_prefix.")
        }
        let names = [configuration.tagging.header] + (configuration.tagging.traceHeader.map { [$0] } ?? [])
        for name in names where !name.lowercased().hasPrefix("x-") {
            lines.append("  warning: the header \(name) is not an X- header: a tenant may sign a standard header's absence, and adding it then breaks the DKIM signature. Use an X- name such as X-Chaperone-Classification.")
        }
        if !configuration.notifications.enabled {
            lines.append("  notices: off (notifications.enabled: false)")
        } else if let mailbox = configuration.gateway.noticeMailbox {
            lines.append("  notices: to \(mailbox) (gateway.notice_mailbox), not to each sender")
        } else {
            lines.append("  notices: to each sender through \(configuration.notifications.submitListener), from \(configuration.notifications.fromAddress); the tenant must accept them from this gateway (deploy/gateway/README.md, \"Notices\"), or set gateway.notice_mailbox")
        }
        return lines
    }
}
