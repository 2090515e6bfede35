import ChaperoneModel

/// What an import produced: the roster, every problem found, the columns each CSV
/// file had that the importer does not use, and whether the import failed outright.
public struct RosterImportResult: Sendable {
    public var roster: Roster
    public var problems: [RosterProblem]
    /// File name → headings that matched no known column (ignored).
    public var unknownColumns: [String: [String]]
    /// True when nothing usable remains (no pupils at all) or a file could not be read
    /// in a way that makes the roster unsafe to use.
    public var isFatal: Bool

    public init(roster: Roster, problems: [RosterProblem], unknownColumns: [String: [String]], isFatal: Bool) {
        self.roster = roster
        self.problems = problems
        self.unknownColumns = unknownColumns
        self.isFatal = isFatal
    }
}
