import ChaperoneModel

/// Whether the sender of a message should be told why it was held or refused. Pure:
/// the same inputs always give the same answer.
public enum NoticeEligibility: Hashable, Sendable {
    case send
    case skip(SkipReason)

    /// Why no notice is sent.
    public enum SkipReason: String, Hashable, Sendable {
        case notificationsDisabled = "notifications-disabled"
        /// Only quarantined, rejected and recipient-rewritten messages are explained.
        case nothingToExplain = "nothing-to-explain"
        /// The null sender: a bounce, which must never be answered.
        case bounce
        /// The message says it was generated automatically (RFC 3834).
        case autoSubmitted = "auto-submitted"
        /// A mailer-daemon or postmaster address.
        case systemSender = "system-sender"
        /// Neither authenticated nor on a school domain: it may be forged.
        case externalSender = "external-sender"
        /// This message (decision or Message-ID) was already explained.
        case alreadyNotified = "already-notified"
        /// An address that cannot be written into a header safely.
        case unusableSender = "unusable-sender"
    }

    /// - Parameter recipientsRewritten: the message was delivered with its To and Cc
    ///   rewritten (exposed recipients), which the sender is told about.
    public static func evaluate(
        action: Action, envelope: Envelope, isAutoSubmitted: Bool, configuration: Configuration,
        recipientsRewritten: Bool = false
    ) -> NoticeEligibility {
        guard configuration.notifications.enabled else { return .skip(.notificationsDisabled) }
        guard action == .quarantine || action == .reject || recipientsRewritten else { return .skip(.nothingToExplain) }
        let sender = envelope.sender
        guard !sender.isEmpty else { return .skip(.bounce) }
        guard !isAutoSubmitted else { return .skip(.autoSubmitted) }
        guard SMTPSubmitter.isSafeAddress(sender), let at = sender.lastIndex(of: "@") else {
            return .skip(.unusableSender)
        }
        let localPart = sender[..<at].lowercased()
        if ["mailer-daemon", "postmaster", "noreply", "no-reply"].contains(localPart) || localPart.hasPrefix("owner-")
            || localPart.hasSuffix("-request") {
            return .skip(.systemSender)
        }
        let domain = sender[sender.index(after: at)...].lowercased()
        // Gateway mode has no SASL login: only a school-domain sender is told.
        let authenticated = !configuration.isGateway && !(envelope.authenticatedUser ?? "").isEmpty
        guard authenticated || isSchoolDomain(domain, configuration: configuration) else {
            return .skip(.externalSender)
        }
        return .send
    }

    /// True for a configured school or pupil domain, or any subdomain of one.
    static func isSchoolDomain(_ domain: String, configuration: Configuration) -> Bool {
        configuration.servedDomains.contains { schoolDomain in
            let school = schoolDomain.lowercased()
            return !school.isEmpty && (domain == school || domain.hasSuffix("." + school))
        }
    }
}
