import ChaperoneModel

extension EntityScanner {
    /// Acts on a delimiter line of the multipart at `level` in `openBoundaries`. Returns
    /// false when the line must be read as ordinary content instead (part limit reached).
    mutating func handleDelimiter(level: Int, isClose: Bool, start: Int, end: Int) -> Bool {
        let multipart = openBoundaries[level].node
        var problems: [ScanProblem] = []
        if !isClose, !budget.takePart(problems: &problems, location: "part \(nodes[multipart].path)") {
            nodes[multipart].problems.append(contentsOf: problems)
            return false
        }
        closeDescendants(of: multipart, at: start)
        for (deeper, _) in openBoundaries[(level + 1)...] {
            nodes[deeper].problems.append(ScanProblem(
                kind: .repaired, location: "part \(nodes[deeper].path)",
                message: "The multipart's closing boundary is missing; an outer boundary ended it."))
        }
        openBoundaries.removeSubrange((level + 1)...)
        current = multipart
        if isClose {
            nodes[multipart].sawCloseDelimiter = true
            openBoundaries.remove(at: level)
            return true
        }
        let childIndex = nodes[multipart].children.count
        let defaultType: ContentType = nodes[multipart].contentType.subtype == "digest" ? .messageRFC822 : .textPlain
        let child = EntityNode(
            path: MIMEPart.childPath(parent: nodes[multipart].path, index: childIndex),
            depth: nodes[multipart].depth + 1, parent: multipart, defaultType: defaultType, headerStart: end)
        nodes.append(child)
        nodes[multipart].children.append(nodes.count - 1)
        nodes[multipart].problems.append(contentsOf: problems)
        current = nodes.count - 1
        return true
    }

    /// Closes every open entity below `ancestor` on the path to the current one.
    private mutating func closeDescendants(of ancestor: Int, at lineStart: Int) {
        var index = current
        while index != ancestor {
            close(index, at: lineStart, trimLineBreak: true)
            guard let parent = nodes[index].parent else { return }
            index = parent
        }
    }
}
