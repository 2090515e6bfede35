/// Limits on roster files, checked while reading; each hit is reported as a problem.
public struct RosterImportLimits: Hashable, Sendable {
    /// `roster_max_field_bytes`: longest CSV field or XML text kept (default 4 KiB);
    /// longer values are cut and reported.
    public var maxFieldBytes: Int = 4 * 1024
    /// `roster_max_rows`: most rows or pupils read from one file (default 200,000).
    public var maxRows: Int = 200_000
    /// `roster_max_columns`: most columns in one CSV row (default 512).
    public var maxColumns: Int = 512
    /// `roster_max_problems`: problems listed per file before they are summarised (default 1,000).
    public var maxProblemsPerFile: Int = 1_000

    public init() {}
}
