import ChaperoneModel

extension EntityScanner {
    /// Reads one line of the current entity's header block.
    mutating func headerLine(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, contentEnd: Int, end: Int) {
        let index = current
        nodes[index].headerLines += 1
        if contentEnd == start {
            finishPendingField(index)
            interpretHeaders(index, bodyStart: end, mayOpenChildren: true)
            return
        }
        let first = buffer[start]
        if first == 0x20 || first == 0x09 {
            if let pending = nodes[index].pendingField {
                nodes[index].pendingField = pending.lowerBound..<contentEnd
            }
            return
        }
        if Self.looksLikeField(buffer, start: start, contentEnd: contentEnd) {
            finishPendingField(index)
            nodes[index].pendingField = start..<contentEnd
            return
        }
        if nodes[index].headerLines == 1, nodes[index].parent == nil, Self.isMboxFromLine(buffer, start: start, contentEnd: contentEnd) {
            return
        }
        finishPendingField(index)
        if !nodes[index].fields.isEmpty {
            nodes[index].problems.append(ScanProblem(
                kind: .repaired, location: "part \(nodes[index].path)",
                message: "The header block ended without a blank line; the body starts at the first line that is not a header."))
        }
        interpretHeaders(index, bodyStart: start, mayOpenChildren: true)
        if current != index, nodes[current].kind == .headers {
            headerLine(buffer, start: start, contentEnd: contentEnd, end: end)
        }
    }

    /// Stores the field collected so far, applying the line and header-size limits.
    mutating func finishPendingField(_ index: Int) {
        guard let range = nodes[index].pendingField else { return }
        nodes[index].pendingField = nil
        var location: String { "part \(nodes[index].path)" }
        var kept = range
        if range.count > limits.maxLineBytes {
            kept = range.lowerBound..<(range.lowerBound + limits.maxLineBytes)
            nodes[index].problems.append(ScanProblem(
                kind: .limitHit, location: location, limit: "max_line_bytes",
                message: "A header field is \(range.count) bytes long; only the first \(limits.maxLineBytes) were kept."))
        }
        guard nodes[index].headerBytes + kept.count <= limits.maxHeaderBytes else {
            if nodes[index].headerBytes <= limits.maxHeaderBytes {
                nodes[index].problems.append(ScanProblem(
                    kind: .limitHit, location: location, limit: "max_header_bytes",
                    message: "The header block is over \(limits.maxHeaderBytes) bytes; later fields were ignored."))
                nodes[index].headerBytes = limits.maxHeaderBytes + 1
            }
            return
        }
        nodes[index].headerBytes += kept.count
        if let field = HeaderField(rawBytes: bytes[kept]) {
            nodes[index].fields.append(field)
        }
    }

    static func looksLikeField(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, contentEnd: Int) -> Bool {
        var index = start
        let limit = min(contentEnd, start + 256)
        while index < limit, buffer[index] > 0x20, buffer[index] < 0x7F, buffer[index] != UInt8(ascii: ":") {
            index += 1
        }
        guard index > start else { return false }
        while index < limit, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
        return index < limit && buffer[index] == UInt8(ascii: ":")
    }

    private static func isMboxFromLine(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, contentEnd: Int) -> Bool {
        let prefix: [UInt8] = Array("From ".utf8)
        guard contentEnd - start >= prefix.count else { return false }
        return prefix.indices.allSatisfy { buffer[start + $0] == prefix[$0] }
    }
}
