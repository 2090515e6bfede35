import ChaperoneModel

/// Parses a message that arrives in pieces (the milter receives 64 KiB chunks that may
/// split a line break, a boundary or a character anywhere):
///
///     var parser = MessageParser(limits: limits)
///     parser.feed(chunk)          // as often as needed
///     let message = parser.finish()
///
/// Chunks are gathered (up to `max_message_bytes`) and the gathered bytes are parsed in
/// one linear pass by `finish()`, so any chunking gives exactly the same tree as
/// feeding the whole message at once.
public struct MessageParser: Sendable {
    public let limits: Limits
    private var buffer: [UInt8] = []
    private var received = 0

    /// `expectedSize`, when known, reserves the buffer up front.
    public init(limits: Limits = Limits(), expectedSize: Int? = nil) {
        self.limits = limits
        if let expectedSize { buffer.reserveCapacity(min(max(0, expectedSize), limits.maxMessageBytes)) }
    }

    /// Parses a complete message held in memory.
    public static func parse(_ bytes: [UInt8], limits: Limits = Limits()) -> ParsedMessage {
        ParsedMessage.parse(bytes, limits: limits)
    }

    /// Adds the next piece of the message.
    public mutating func feed(_ chunk: some Collection<UInt8>) {
        received += chunk.count
        let room = limits.maxMessageBytes - buffer.count
        guard room > 0 else { return }
        if chunk.count <= room {
            buffer.append(contentsOf: chunk)
        } else {
            buffer.append(contentsOf: chunk.prefix(room))
        }
    }

    /// Takes a whole message without copying it (the array's storage is shared).
    mutating func adopt(_ bytes: [UInt8]) {
        guard buffer.isEmpty, received == 0 else {
            feed(bytes)
            return
        }
        received = bytes.count
        buffer = bytes.count <= limits.maxMessageBytes ? bytes : Array(bytes.prefix(limits.maxMessageBytes))
    }

    /// Bytes fed so far, including any beyond `max_message_bytes`.
    public var receivedBytes: Int { received }

    /// Parses everything fed so far into a tree. The gathered bytes are released as soon
    /// as the tree is built (bodies are copied out), so the parser may be kept around.
    public mutating func finish() -> ParsedMessage {
        let bytes = buffer
        buffer = []
        let truncated = received > bytes.count
        var scanner = EntityScanner(bytes: bytes, rootPath: "0", rootDepth: 0, budget: ParseBudget(limits: limits))
        scanner.run()
        let root = scanner.build(0)
        var problems: [ScanProblem] = []
        if truncated {
            problems.append(ScanProblem(
                kind: .limitHit, location: "message", limit: "max_message_bytes",
                message: "The message is \(received) bytes; only the first \(limits.maxMessageBytes) were parsed."))
        }
        problems.append(contentsOf: root.allParts.flatMap(\.problems))
        return ParsedMessage(root: root, problems: problems, size: received)
    }
}
