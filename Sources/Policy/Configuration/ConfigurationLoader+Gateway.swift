import Foundation
import ChaperoneModel
import Yams

extension ConfigurationLoader {
    static let gatewayKeys = ["notice_mailbox"]

    /// The `gateway:` section (used with `mode: gateway`).
    static func readGateway(_ field: YAMLField, into gateway: inout Configuration.Gateway) throws(ConfigurationError) {
        try field.mapping(known: gatewayKeys) { (_, value) throws(ConfigurationError) in
            let mailbox = try value.optionalString()?.trimmingCharacters(in: .whitespaces)
            if let mailbox, !isPlainAddress(mailbox) {
                throw value.error("'\(mailbox)' is not an email address: give one mailbox, e.g. itsupport@myschool.sch.uk, or null to tell each sender")
            }
            gateway.noticeMailbox = mailbox
        }
    }

    /// Gateway mode's defaults and refusals, once every section is read (the keys may
    /// come in any order). The tenant has DKIM-signed the message before the gateway
    /// sees it, so `exposed_recipients.action` defaults to `hold`, and an explicit
    /// `rewrite` (which changes To and Cc) is refused: silently holding what the file
    /// says to rewrite would mislead whoever reads it, and a refused reload keeps the
    /// previous configuration in force.
    static func settleGatewayMode(_ configuration: inout Configuration, root: Node, field: YAMLField) throws(ConfigurationError) {
        guard configuration.isGateway else {
            if let node = root["gateway"], let mailbox = node["notice_mailbox"], mailbox.string != nil, configuration.gateway.noticeMailbox != nil {
                throw YAMLField(node: mailbox, keyPath: "gateway.notice_mailbox", source: field.source)
                    .error("gateway.notice_mailbox applies only with mode: gateway; remove it, or set mode: gateway")
            }
            return
        }
        if let actionNode = root["exposed_recipients"]?["action"] {
            if configuration.exposedRecipients.action == .rewrite {
                throw YAMLField(node: actionNode, keyPath: "exposed_recipients.action", source: field.source).error(
                    "rewrite changes the To and Cc headers, which the tenant's DKIM signature covers, so receivers would reject or junk the message; with mode: gateway use hold (or tag)")
            }
        } else {
            configuration.exposedRecipients.action = .hold
        }
    }

    /// One address, `local@domain`, with nothing that could break a header.
    static func isPlainAddress(_ text: String) -> Bool {
        guard let at = text.lastIndex(of: "@"), at != text.startIndex, text.index(after: at) != text.endIndex else { return false }
        return text.utf8.allSatisfy { $0 > 32 && $0 < 127 && !"<>,;:\"()[]\\".utf8.contains($0) }
    }
}
