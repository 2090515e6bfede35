import ChaperoneModel

extension EntityScanner {
    /// Turns the scanned entity `index` (and its subtree) into a `MIMEPart`, decoding
    /// leaf bodies and parsing enclosed messages that were transfer-encoded.
    mutating func build(_ index: Int) -> MIMEPart {
        let node = nodes[index]
        let headers = MessageHeaders(node.fields)
        var part = MIMEPart(path: node.path, depth: node.depth, headers: headers,
                            contentType: node.contentType, transferEncoding: node.transferEncoding,
                            encodedSize: node.bodyEnd - node.bodyStart, problems: node.problems)
        if let disposition = headers.first(named: "Content-Disposition") {
            part.disposition = ContentDisposition(parsing: disposition.decodedValue)
        }
        part.filename = part.disposition?.filename ?? node.contentType.parameters["name"].flatMap { $0.isEmpty ? nil : $0 }
        switch node.kind {
        case .multipart:
            part.encodedSize = 0
            part.children = node.children.map { build($0) }
        case .message:
            part.children = node.children.map { build($0) }
        case .leaf, .headers:
            decodeBody(of: &part, range: node.bodyStart..<node.bodyEnd)
            if node.contentType.isEncapsulatedMessage, !node.transferEncoding.isIdentity, !part.bodyIsUndecoded {
                parseEnclosed(into: &part)
            }
        }
        return part
    }

    private mutating func decodeBody(of part: inout MIMEPart, range: Range<Int>) {
        let location = "part \(part.path)"
        let raw = bytes[range]
        var decoded: [UInt8]
        switch part.transferEncoding {
        case .base64:
            // RFC 2045 6.8: characters outside the alphabet are ignored, so the decoded
            // bytes are always what is scanned, however much junk surrounds them.
            let result = Base64Decoder.decode(raw)
            decoded = result.bytes
            if result.looksLikeNotBase64 {
                let kept = budget.grantDecoded(raw.count, problems: &part.problems, location: location)
                part.undecodedBody = Array(raw.prefix(kept))
            }
            if result.junkCount > 0 || result.danglingBits || result.looksLikeNotBase64 {
                let skipped = result.junkCount + (result.looksLikeNotBase64 ? result.blankCount : 0)
                var note = "Skipped \(skipped) characters that are not base64"
                if result.danglingBits { note += " and an incomplete final group" }
                if result.looksLikeNotBase64 { note += "; the raw text was scanned as well" }
                part.problems.append(ScanProblem(kind: .repaired, location: location, message: note + "."))
            }
        case .quotedPrintable:
            let result = QuotedPrintableDecoder.decode(raw)
            decoded = result.bytes
            if result.invalidEscapes > 0 {
                part.problems.append(ScanProblem(kind: .repaired, location: location,
                    message: "Kept \(result.invalidEscapes) invalid quoted-printable escapes literally."))
            }
        case .unknown(let name):
            decoded = Array(raw)
            part.problems.append(ScanProblem(kind: .undecodable, location: location,
                message: "Unknown Content-Transfer-Encoding \"\(name.prefix(40))\"; its bytes were scanned as 7bit, but what they encode could not be read."))
        case .sevenBit, .eightBit, .binary:
            decoded = Array(raw)
        }
        let granted = budget.grantDecoded(decoded.count, problems: &part.problems, location: location)
        if granted < decoded.count { decoded.removeSubrange(granted...) }
        part.body = decoded
    }

    /// A `message/rfc822` body that was base64 or quoted-printable encoded: parse the
    /// decoded bytes as a message of its own, sharing this message's budget.
    private mutating func parseEnclosed(into part: inout MIMEPart) {
        guard part.depth < limits.maxNestingDepth else {
            part.problems.append(ScanProblem(kind: .limitHit, location: "part \(part.path)", limit: "max_nesting_depth",
                                             message: "Nesting deeper than \(limits.maxNestingDepth) levels; this message was read as text."))
            return
        }
        guard budget.partCount < limits.maxParts else { return }
        var inner = EntityScanner(bytes: part.body, rootPath: MIMEPart.childPath(parent: part.path, index: 0),
                                  rootDepth: part.depth + 1, budget: budget)
        inner.run()
        let root = inner.build(0)
        budget = inner.budget
        part.children = [root]
        part.body = []
    }
}
