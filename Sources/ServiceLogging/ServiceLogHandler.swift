import Foundation
import Logging

/// The log handler of `chaperone serve` (and every long-running command): to the
/// journal when systemd connected standard error to it (`JOURNAL_STREAM` set), as
/// `JournalLineFormat` lines; otherwise timestamped lines on standard error,
/// `2026-12-01T09:00:00Z warning chaperone.milter: message key=value`. Messages and
/// metadata are written as given; callers never log content or pupil data.
public struct ServiceLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    let label: String
    let journal: Bool
    let write: @Sendable (String) -> Void

    /// The handler for `label`, writing to the journal when `environment` has
    /// `JOURNAL_STREAM`, with `write` receiving each whole line (newline included).
    public init(
        label: String, level: Logger.Level,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        write: @escaping @Sendable (String) -> Void = ServiceLogHandler.standardError
    ) {
        self.label = label
        self.logLevel = level
        self.journal = environment["JOURNAL_STREAM"].map { !$0.isEmpty } ?? false
        self.write = write
    }

    /// Writes one line to standard error in a single call, so lines never interleave.
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data(line.utf8))
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        if journal {
            write(JournalLineFormat.line(level: event.level, message: event.message.description, metadata: merged) + "\n")
            return
        }
        let pairs = KeyValueMetadata.pairs(merged)
        let time = Date().formatted(.iso8601)
        let message = JournalLineFormat.escaped(event.message.description)
        write("\(time) \(event.level) \(label): \(message)\(pairs.isEmpty ? "" : " " + pairs)\n")
    }
}
