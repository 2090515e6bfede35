/// Every limit Chaperone enforces, each with a name (its config key under `limits:`),
/// a default, and a report when hit. Limits are checked before allocating.
public struct Limits: Codable, Hashable, Sendable {
    /// `max_message_bytes`: largest message scanned (default 50 MiB). Beyond it the
    /// message is reported unscannable.
    public var maxMessageBytes: Int = 50 * 1024 * 1024
    /// `max_header_bytes`: total bytes of one entity's header block (default 1 MiB).
    public var maxHeaderBytes: Int = 1024 * 1024
    /// `max_line_bytes`: longest header line kept whole (default 1 MiB); longer ones are cut.
    public var maxLineBytes: Int = 1024 * 1024
    /// `max_nesting_depth`: deepest multipart / message nesting parsed (default 50).
    public var maxNestingDepth: Int = 50
    /// `max_parts`: most MIME parts parsed in one message (default 5,000).
    public var maxParts: Int = 5_000
    /// `max_decoded_bytes`: total bytes produced by transfer decoding (default 100 MiB).
    public var maxDecodedBytes: Int = 100 * 1024 * 1024
    /// `max_text_bytes`: total extracted text scanned per message (default 20 MiB).
    public var maxTextBytes: Int = 20 * 1024 * 1024
    /// `max_archive_depth`: archives inside archives opened (default 3).
    public var maxArchiveDepth: Int = 3
    /// `max_archive_entries`: members listed/read per archive (default 1,000).
    public var maxArchiveEntries: Int = 1_000
    /// `max_archive_expansion_bytes`: bytes inflated from one archive (default 100 MiB).
    public var maxArchiveExpansionBytes: Int = 100 * 1024 * 1024
    /// `scan_deadline_seconds`: wall-clock budget for one scan (default 20 s).
    public var scanDeadlineSeconds: Double = 20
    /// `max_milter_frame_bytes`: largest milter packet accepted (default 2 MiB).
    public var maxMilterFrameBytes: Int = 2 * 1024 * 1024
    /// `memory_spool_bytes`: message bytes kept in memory before spooling to a
    /// private temporary file (default 4 MiB).
    public var memorySpoolBytes: Int = 4 * 1024 * 1024
    /// `max_findings_per_detector`: findings of one detector listed per message (default
    /// 100). Past it, findings the policy does not need (a second one about the same
    /// pupil) are only counted, in one summary finding; the decision is unchanged.
    public var maxFindingsPerDetector: Int = 100

    public init() {}

    /// The config key of each limit and its current value, for reports and docs.
    public var named: [(key: String, value: String)] {
        [
            ("max_message_bytes", "\(maxMessageBytes)"),
            ("max_header_bytes", "\(maxHeaderBytes)"),
            ("max_line_bytes", "\(maxLineBytes)"),
            ("max_nesting_depth", "\(maxNestingDepth)"),
            ("max_parts", "\(maxParts)"),
            ("max_decoded_bytes", "\(maxDecodedBytes)"),
            ("max_text_bytes", "\(maxTextBytes)"),
            ("max_archive_depth", "\(maxArchiveDepth)"),
            ("max_archive_entries", "\(maxArchiveEntries)"),
            ("max_archive_expansion_bytes", "\(maxArchiveExpansionBytes)"),
            ("scan_deadline_seconds", "\(scanDeadlineSeconds)"),
            ("max_milter_frame_bytes", "\(maxMilterFrameBytes)"),
            ("memory_spool_bytes", "\(memorySpoolBytes)"),
            ("max_findings_per_detector", "\(maxFindingsPerDetector)"),
        ]
    }
}
