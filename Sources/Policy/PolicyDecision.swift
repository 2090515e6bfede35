import ChaperoneModel

/// What the policy engine decided for one message.
public struct PolicyDecision: Codable, Hashable, Sendable {
    /// The most severe action of every rule that fired (accept when none did).
    public var action: Action
    /// The sections breached, sorted: those of every rule that held or refused the
    /// message (a tag or a header rewrite breaches none).
    public var sections: [Section]
    /// The findings, each with the rules it made act and the sections it helped breach.
    public var findings: [Finding]
    /// Every rule that acted (held, refused, tagged, or rewrote the headers), sorted.
    public var rules: [String]
    /// The sections governing `rules`, sorted.
    public var governingSections: [Section]
    public var recipients: [Recipient]
    public var hits: [RuleHit]
    /// Plain-English explanation for the sender; empty when nothing fired.
    public var explanation: String
    /// Who sent it, and the rules that governed it.
    public var sender: SenderIdentity
    /// True when the Designated Safeguarding Lead must be alerted whatever the
    /// configured alert sections (pupil data sent to a restricted contact).
    public var alertsSafeguardingLead: Bool = false
    /// The To/Cc rewrite to apply (exposed recipients, `rewrite`), only when delivered.
    public var headerRewrite: HeaderRewrite?
    /// What the rules running in shadow would have done; nil when none fired.
    public var shadow: ShadowOutcome? = nil
}
