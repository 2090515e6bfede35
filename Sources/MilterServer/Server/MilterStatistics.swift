/// Counters the server keeps about itself, for logs, tests and benchmarks. They never
/// describe message content.
public struct MilterStatistics: Hashable, Sendable {
    public var connectionsAccepted = 0
    /// Connections closed at once because `milter.max_connections` were open.
    public var connectionsRefused = 0
    /// Connections closed after `milter.idle_timeout_seconds` without a command.
    public var connectionsTimedOut = 0
    public var messagesDecided = 0
    /// Messages that went to a spool file because they outgrew `memory_spool_bytes`.
    public var messagesSpooled = 0
    /// Messages answered with `milter.fail_action`.
    public var failActions = 0
    /// The most bytes any one message ever held in memory while being gathered.
    public var peakMessageMemoryBytes = 0
    /// The largest message seen, in bytes.
    public var largestMessageBytes = 0
    /// Scans still running (or abandoned at their deadline) on the thread pool.
    public var scansInFlight = 0
    /// Scans that stopped at a checkpoint because they were cancelled (deadline passed,
    /// connection gone) rather than running to their end.
    public var scansCancelled = 0
    /// Messages that had to wait for a scan worker or room in
    /// `milter.max_scan_bytes_in_flight`.
    public var admissionWaits = 0
    /// Messages given the fail action because they could not be admitted in time.
    public var admissionRefusals = 0
    /// The most message bytes ever being scanned at once.
    public var peakScanBytesInFlight = 0

    public init() {}
}
