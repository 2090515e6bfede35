extension MIMEPart {
    /// This part and every descendant, depth-first in message order.
    public var allParts: [MIMEPart] {
        var result: [MIMEPart] = []
        var stack: [MIMEPart] = [self]
        while let part = stack.popLast() {
            result.append(part)
            stack.append(contentsOf: part.children.reversed())
        }
        return result
    }

    /// The part with this dotted path, if any.
    public func part(at path: String) -> MIMEPart? {
        allParts.first { $0.path == path }
    }

    /// The path of the `index`-th (0-based) child of the part at `parentPath`.
    static func childPath(parent parentPath: String, index: Int) -> String {
        parentPath == "0" ? "\(index + 1)" : "\(parentPath).\(index + 1)"
    }
}
