import ChaperoneModel
import Foundation

/// Which decisions a listing wants; every field left nil matches everything.
public struct DecisionFilter: Hashable, Sendable {
    /// Only decisions made at or after this time.
    public var since: Date?
    public var action: Action?
    /// Only decisions where this section fired.
    public var section: Section?
    /// An envelope sender (case-insensitive), or `@domain` for every sender there.
    public var sender: String?
    /// Only quarantined messages in this state.
    public var state: QuarantineState?
    /// Only decisions on mail from senders with this role.
    public var senderRole: SenderRole?
    /// Only decisions whose message was quarantined.
    public var quarantinedOnly: Bool
    /// Only decisions with a recipient of this class (`parent`, `personal`, …).
    public var recipientClass: RecipientClass?
    /// At most this many, newest first.
    public var limit: Int
    /// Skip this many of the newest first (paging).
    public var offset: Int = 0
    /// Only decisions of these schools (a web account limited to some schools); nil:
    /// every decision, including those of no school. An empty list matches nothing.
    public var schools: [String]?
    /// Only decisions whose sender asked, from their notice's link, for release.
    public var releaseRequestedOnly = false

    public init(
        since: Date? = nil, action: Action? = nil, section: Section? = nil, sender: String? = nil,
        state: QuarantineState? = nil, quarantinedOnly: Bool = false, limit: Int = 1_000
    ) {
        self.since = since
        self.action = action
        self.section = section
        self.sender = sender
        self.state = state
        self.quarantinedOnly = quarantinedOnly
        self.limit = limit
        self.senderRole = nil
        self.recipientClass = nil
    }
}
