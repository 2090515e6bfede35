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
    /// File name → consent headings that are not image consents (school trips,
    /// internet access), skipped; map one in `roster.consent_columns` if it is.
    public var skippedConsentColumns: [String: [String]]
    /// File name → image-consent headings read, with the purposes each covers.
    public var consentColumns: [String: [String: [ConsentPurpose]]]
    /// Unknown heading → the known heading it most likely meant (see `HeadingSuggestion`).
    public var headingSuggestions: [String: String] = [:]
    /// Problems with a file's columns rather than its rows: no pupil identifier column
    /// (UPN or ULN), or a column that matching relies on with no value in any row.
    /// The roster still loads (a nightly export must not stop the milter), but `roster
    /// check` and `check-config` fail on them.
    public var columnErrors: [RosterProblem] = []

    /// True when `roster check` and `check-config` must fail: fatal, or a column error.
    public var failsCheck: Bool { isFatal || !columnErrors.isEmpty }

    public init(roster: Roster, problems: [RosterProblem], unknownColumns: [String: [String]], isFatal: Bool,
                skippedConsentColumns: [String: [String]] = [:], consentColumns: [String: [String: [ConsentPurpose]]] = [:]) {
        self.roster = roster
        self.problems = problems
        self.unknownColumns = unknownColumns
        self.isFatal = isFatal
        self.skippedConsentColumns = skippedConsentColumns
        self.consentColumns = consentColumns
    }
}
