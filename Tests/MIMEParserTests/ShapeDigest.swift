import MIMEParser

/// A small description of a large generated message for golden comparison: counts,
/// depth, problems, and the first and last leaves in full.
struct ShapeDigest: Codable {
    var size: Int
    var partCount: Int
    var maxDepth: Int
    var problems: [String]
    var firstLeaf: PartSummary?
    var lastLeaf: PartSummary?
    var rootHeaders: [String]

    init(_ message: ParsedMessage) {
        let parts = message.root.allParts
        let leaves = parts.filter(\.isLeaf)
        size = message.size
        partCount = parts.count
        maxDepth = parts.map(\.depth).max() ?? 0
        problems = message.problems.map(\.description)
        firstLeaf = leaves.first.map(PartSummary.init)
        lastLeaf = leaves.last.map(PartSummary.init)
        rootHeaders = PartSummary(message.root).headers
    }
}
