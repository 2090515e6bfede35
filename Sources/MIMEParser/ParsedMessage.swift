import ChaperoneModel

/// A whole parsed message: the root entity (headers and part tree) and every problem
/// met while parsing (limits hit, repairs made, parts not cleanly decoded).
public struct ParsedMessage: Hashable, Sendable {
    public var root: MIMEPart
    public var problems: [ScanProblem]
    /// Bytes received (including any beyond `max_message_bytes` that were not parsed).
    public var size: Int

    public init(root: MIMEPart, problems: [ScanProblem] = [], size: Int = 0) {
        self.root = root
        self.problems = problems
        self.size = size
    }

    /// The top-level headers.
    public var headers: MessageHeaders { root.headers }

    /// Parses a complete message held in memory. Never fails: any byte sequence gives a
    /// tree, with problems describing what had to be repaired.
    public static func parse(_ bytes: [UInt8], limits: Limits = Limits()) -> ParsedMessage {
        var parser = MessageParser(limits: limits)
        parser.adopt(bytes)
        return parser.finish()
    }
}
