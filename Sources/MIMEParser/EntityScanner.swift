import ChaperoneModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The single-pass line scanner at the heart of the parser. It walks the buffer once,
/// line by line (CRLF, bare LF or bare CR), keeping a stack of open multipart boundaries in the
/// manner of Postfix's MIME state machine: a delimiter line closes every deeper entity,
/// so a missing inner boundary is repaired the way mail clients do, and no range of the
/// buffer is ever rescanned. Bodies are recorded as byte ranges and decoded afterwards.
struct EntityScanner {
    let bytes: [UInt8]
    var budget: ParseBudget
    var nodes: [EntityNode] = []
    /// The deepest entity still open; lines go to it unless they are delimiters.
    var current = 0
    /// Open multiparts, outermost first, with their boundaries.
    var openBoundaries: [(node: Int, boundary: [UInt8])] = []

    var limits: Limits { budget.limits }

    init(bytes: [UInt8], rootPath: String, rootDepth: Int, budget: ParseBudget) {
        self.bytes = bytes
        self.budget = budget
        var problems: [ScanProblem] = []
        _ = self.budget.takePart(problems: &problems, location: "part \(rootPath)")
        var root = EntityNode(path: rootPath, depth: rootDepth, parent: nil, defaultType: .textPlain, headerStart: 0)
        root.problems = problems
        nodes = [root]
    }

    /// Scans every line, then closes whatever is still open at the end of the input.
    /// A line ends at CRLF, a lone LF or a lone CR (what mail clients and Postfix accept
    /// from hosts that get line endings wrong). The next LF is remembered, so a buffer
    /// of lone-CR lines is still scanned once.
    mutating func run() {
        let source = bytes
        source.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            let count = buffer.count
            var nextLineFeed = -1
            while start < count {
                if nextLineFeed < start {
                    nextLineFeed = memchr(base + start, 0x0A, count - start)
                        .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
                }
                var end = nextLineFeed < count ? nextLineFeed + 1 : count
                if let carriageReturn = memchr(base + start, 0x0D, nextLineFeed - start) {
                    let position = base.distance(to: carriageReturn.assumingMemoryBound(to: UInt8.self))
                    if position + 1 < nextLineFeed || nextLineFeed == count { end = position + 1 }
                }
                var contentEnd = end
                if contentEnd > start, buffer[contentEnd - 1] == 0x0A { contentEnd -= 1 }
                if contentEnd > start, buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                processLine(buffer, start: start, contentEnd: contentEnd, end: end)
                start = end
            }
        }
        closeAll(at: bytes.count)
    }

    private mutating func processLine(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, contentEnd: Int, end: Int) {
        if !openBoundaries.isEmpty, contentEnd - start >= 2,
           buffer[start] == UInt8(ascii: "-"), buffer[start + 1] == UInt8(ascii: "-") {
            for level in openBoundaries.indices.reversed() {
                guard let isClose = Self.delimiter(buffer, start: start, contentEnd: contentEnd,
                                                   boundary: openBoundaries[level].boundary) else { continue }
                if handleDelimiter(level: level, isClose: isClose, start: start, end: end) { return }
                break
            }
        }
        if nodes[current].kind == .headers {
            headerLine(buffer, start: start, contentEnd: contentEnd, end: end)
        }
    }

    /// `true`/`false` (close or not) when the line is a delimiter for `boundary`.
    static func delimiter(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, contentEnd: Int, boundary: [UInt8]) -> Bool? {
        let afterBoundary = start + 2 + boundary.count
        guard afterBoundary <= contentEnd else { return nil }
        for (offset, byte) in boundary.enumerated() where buffer[start + 2 + offset] != byte {
            return nil
        }
        var index = afterBoundary
        var isClose = false
        if index + 2 <= contentEnd, buffer[index] == UInt8(ascii: "-"), buffer[index + 1] == UInt8(ascii: "-") {
            isClose = true
            index += 2
        }
        while index < contentEnd {
            guard buffer[index] == 0x20 || buffer[index] == 0x09 else { return nil }
            index += 1
        }
        return isClose
    }

    /// Closes the entity `index` at the delimiter or line starting at `lineStart`: the
    /// line break before a delimiter belongs to the delimiter.
    mutating func close(_ index: Int, at lineStart: Int, trimLineBreak: Bool) {
        guard !nodes[index].isClosed else { return }
        if nodes[index].kind == .headers {
            finishPendingField(index)
            nodes[index].bodyStart = lineStart
            interpretHeaders(index, bodyStart: lineStart, mayOpenChildren: false)
        }
        var end = lineStart
        if trimLineBreak {
            if end > nodes[index].bodyStart, bytes[end - 1] == 0x0A { end -= 1 }
            if end > nodes[index].bodyStart, bytes[end - 1] == 0x0D { end -= 1 }
        }
        nodes[index].bodyEnd = max(nodes[index].bodyStart, end)
        nodes[index].isClosed = true
    }

    private mutating func closeAll(at end: Int) {
        var index: Int? = current
        while let open = index {
            close(open, at: end, trimLineBreak: false)
            index = nodes[open].parent
        }
        for (node, _) in openBoundaries {
            nodes[node].problems.append(ScanProblem(
                kind: .repaired, location: "part \(nodes[node].path)",
                message: "The multipart's closing boundary is missing (message truncated?); its parts end at the end of the message."))
        }
        openBoundaries.removeAll()
    }
}
