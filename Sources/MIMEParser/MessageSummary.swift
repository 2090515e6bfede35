import ChaperoneModel

/// The summary of a whole parsed message: its size, every problem, and the part tree.
public struct MessageSummary: Codable, Hashable, Sendable {
    public var size: Int
    public var partCount: Int
    public var problems: [String]
    public var root: PartSummary

    public init(_ message: ParsedMessage) {
        size = message.size
        partCount = message.root.allParts.count
        problems = message.problems.map(\.description)
        root = PartSummary(message.root)
    }
}
