import ChaperoneModel

/// Who is told that a message was held or refused, and in which voice, following the
/// sender's role: a member of staff gets the full explanation; a pupil a short notice
/// written for a pupil; a system sender's configured owner (the sender itself is
/// unattended) the staff explanation; an outside message forwarded out of the school,
/// the school mailbox that forwarded it. In gateway mode with `gateway.notice_mailbox`
/// set, that mailbox receives the explanation instead of the sender (the system owner
/// still gets a system sender's). Pure.
public struct NoticePlan: Hashable, Sendable {
    /// The voice a notice is written in.
    public enum Audience: String, Hashable, Sendable {
        case staff, pupil
        /// The owner of a system sender (`senders.system_owner`).
        case systemOwner = "system-owner"
    }

    public var eligibility: NoticeEligibility
    /// The notice's recipient; empty when none is sent.
    public var recipient: String
    public var audience: Audience

    public static func make(
        report: ScanReport, envelope: Envelope, isAutoSubmitted: Bool, configuration: Configuration
    ) -> NoticePlan {
        let identity = report.sender
        switch identity.role {
        case .system:
            guard configuration.notifications.enabled else { return skip(.notificationsDisabled) }
            guard report.action == .quarantine || report.action == .reject || report.recipientsRewritten else {
                return skip(.nothingToExplain)
            }
            // The owner is told whatever the (unattended) sender's address or headers say:
            // this is not a reply to an automatic message but a report to its keeper.
            guard let owner = configuration.senders.systemOwner, SMTPSubmitter.isSafeAddress(owner) else {
                return skip(.systemSender)
            }
            return NoticePlan(eligibility: .send, recipient: owner, audience: .systemOwner)
        case .outside:
            guard let forwarder = identity.forwardedBy else {
                return plan(envelope, isAutoSubmitted: isAutoSubmitted, report: report, configuration: configuration, audience: .staff)
            }
            let forwarded = Envelope(sender: forwarder, recipients: envelope.recipients)
            return plan(forwarded, isAutoSubmitted: false, report: report, configuration: configuration, audience: .staff)
        case .pupil:
            return plan(account(envelope, identity), isAutoSubmitted: isAutoSubmitted, report: report,
                        configuration: configuration, audience: .pupil)
        case .staff:
            return plan(account(envelope, identity), isAutoSubmitted: isAutoSubmitted, report: report,
                        configuration: configuration, audience: .staff)
        }
    }

    /// The envelope with the authenticated account's address as sender, when the role
    /// came from the login: the person who logged in is the one to tell.
    private static func account(_ envelope: Envelope, _ identity: SenderIdentity) -> Envelope {
        guard identity.basis == .authenticatedUser, identity.address.contains("@") else { return envelope }
        var account = envelope
        account.sender = identity.address
        return account
    }

    private static func plan(
        _ envelope: Envelope, isAutoSubmitted: Bool, report: ScanReport, configuration: Configuration, audience: Audience
    ) -> NoticePlan {
        let eligibility = NoticeEligibility.evaluate(
            action: report.action, envelope: envelope, isAutoSubmitted: isAutoSubmitted, configuration: configuration,
            recipientsRewritten: report.recipientsRewritten)
        guard eligibility == .send else { return NoticePlan(eligibility: eligibility, recipient: "", audience: audience) }
        // Gateway mode with gateway.notice_mailbox: the internal mailbox is told instead.
        let recipient = configuration.isGateway ? configuration.gateway.noticeMailbox ?? envelope.sender : envelope.sender
        return NoticePlan(eligibility: eligibility, recipient: recipient, audience: audience)
    }

    private static func skip(_ reason: NoticeEligibility.SkipReason) -> NoticePlan {
        NoticePlan(eligibility: .skip(reason), recipient: "", audience: .staff)
    }
}
