/// What the envelope's recipients expand to: every final delivery address, and what
/// was noticed on the way (alias loops). Made at the edge (the milter, `chaperone
/// scan`) by querying Postfix's maps; the pure pipeline judges `recipients` instead of
/// the envelope's own.
public struct RecipientExpansion: Codable, Hashable, Sendable {
    /// Final addresses, each envelope recipient's in order, without duplicates.
    public var recipients: [ExpandedRecipient]
    /// Loops stopped while expanding; reported with the decision, never silent.
    public var problems: [ScanProblem]

    public init(recipients: [ExpandedRecipient], problems: [ScanProblem] = []) {
        self.recipients = recipients
        self.problems = problems
    }
}
