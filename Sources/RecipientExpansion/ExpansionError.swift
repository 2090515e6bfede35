/// Why the recipients could not be expanded. The milter answers with the fail action
/// and `chaperone scan` reports an error: an expansion that could not be completed is
/// never guessed at.
public enum ExpansionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A map could not be queried (`postmap`/`postalias`/`postconf` failed or printed an error).
    case lookupFailed(map: String, reason: String)
    /// A lookup ran longer than `expansion.lookup_timeout_seconds`.
    case lookupTimedOut(map: String, seconds: Double)
    /// Aliases nest deeper than `expansion.max_depth`.
    case tooDeep(address: String, limit: Int)
    /// The recipients reach more addresses than `expansion.max_addresses`.
    case tooManyAddresses(limit: Int)
    /// The configured list file cannot be read or has a malformed line.
    case listFile(file: String, line: Int, reason: String)

    /// The config key of the limit hit, if any.
    public var limit: String? {
        switch self {
        case .lookupTimedOut: "expansion.lookup_timeout_seconds"
        case .tooDeep: "expansion.max_depth"
        case .tooManyAddresses: "expansion.max_addresses"
        case .lookupFailed, .listFile: nil
        }
    }

    public var description: String {
        switch self {
        case .lookupFailed(let map, let reason):
            "looking up recipients in \(map) failed: \(reason); check the map with postmap -q"
        case .lookupTimedOut(let map, let seconds):
            "looking up recipients in \(map) took longer than \(seconds) seconds (expansion.lookup_timeout_seconds)"
        case .tooDeep(let address, let limit):
            "aliases under \(address) nest more than \(limit) deep (expansion.max_depth)"
        case .tooManyAddresses(let limit):
            "the recipients expand to more than \(limit) addresses (expansion.max_addresses)"
        case .listFile(let file, let line, let reason):
            line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)"
        }
    }
}
