import ChaperoneModel

extension EntityScanner {
    /// Ends the header block of entity `index` and decides what it is: a multipart
    /// (its boundary joins the open stack), an enclosed message (its root opens as a
    /// child), or a leaf. Limits on depth and parts turn containers into leaves.
    mutating func interpretHeaders(_ index: Int, bodyStart: Int, mayOpenChildren: Bool) {
        let headers = MessageHeaders(nodes[index].fields)
        let location = "part \(nodes[index].path)"
        var problems: [ScanProblem] = []
        var contentType = nodes[index].defaultType
        if let declared = headers.first(named: "Content-Type") {
            if let parsed = ContentType(parsing: declared.decodedValue) {
                contentType = parsed
            } else {
                contentType = .textPlain
                problems.append(ScanProblem(kind: .repaired, location: location,
                                            message: "Unreadable Content-Type \"\(declared.value.prefix(80))\"; read as text/plain."))
            }
        }
        let encoding = TransferEncoding(parsing: headers.first(named: "Content-Transfer-Encoding")?.value)
        nodes[index].bodyStart = bodyStart
        nodes[index].bodyEnd = bodyStart
        nodes[index].transferEncoding = encoding
        nodes[index].kind = .leaf
        let depth = nodes[index].depth
        if contentType.isMultipart {
            if contentType.boundary == nil {
                problems.append(ScanProblem(kind: .repaired, location: location,
                                            message: "\(contentType.mimeType) has no boundary; read as text/plain."))
                contentType = .textPlain
            } else if depth >= limits.maxNestingDepth {
                problems.append(ScanProblem(kind: .limitHit, location: location, limit: "max_nesting_depth",
                                            message: "Nesting deeper than \(limits.maxNestingDepth) levels; this multipart was read as text."))
            } else if mayOpenChildren, let boundary = contentType.boundary {
                nodes[index].kind = .multipart
                openBoundaries.append((index, Array(boundary.utf8)))
            }
        } else if contentType.isEncapsulatedMessage, encoding.isIdentity, mayOpenChildren {
            if depth >= limits.maxNestingDepth {
                problems.append(ScanProblem(kind: .limitHit, location: location, limit: "max_nesting_depth",
                                            message: "Nesting deeper than \(limits.maxNestingDepth) levels; this message was read as text."))
            } else if budget.takePart(problems: &problems, location: location) {
                nodes[index].kind = .message
                let child = EntityNode(path: MIMEPart.childPath(parent: nodes[index].path, index: 0), depth: depth + 1,
                                       parent: index, defaultType: .textPlain, headerStart: bodyStart)
                nodes.append(child)
                nodes[index].children.append(nodes.count - 1)
                current = nodes.count - 1
            }
        }
        nodes[index].contentType = contentType
        nodes[index].problems.append(contentsOf: problems)
    }
}
