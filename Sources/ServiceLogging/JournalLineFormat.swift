import Logging

/// How one log event is written when the service runs under systemd with its standard
/// error connected to the journal (`JOURNAL_STREAM` set): a syslog priority prefix
/// (`<3>` for an error), the message, and the metadata as sorted `key=value` pairs, with
/// no timestamp of its own (the journal adds one). Pure: event in, line out.
///
///     <6>decided action=quarantine decision=CH-7Q2 sections=3,8
public enum JournalLineFormat {
    /// The syslog priority (RFC 5424 severity) journald reads from `<N>`.
    public static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// One line, without its newline; newlines inside the message or values are escaped
    /// so one event is always one journal entry.
    public static func line(level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        var line = "<\(priority(level))>" + escaped(message)
        let pairs = KeyValueMetadata.pairs(metadata)
        if !pairs.isEmpty { line += " " + pairs }
        return line
    }

    static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\r" }) else { return text }
        return text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }
}
