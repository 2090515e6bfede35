/// The text of a PowerPoint 97–2003 `.ppt` (MS-PPT) from its `PowerPoint Document`
/// stream: every TextCharsAtom (UTF-16) and TextBytesAtom (8-bit) found by walking the
/// record tree, grouped as "slide N" (slide containers and the slide text list) or
/// "notes N" (speaker notes). Master slides' placeholder prompts are skipped. An
/// encrypted presentation (CryptSession10 container or EncryptedSummary stream) is
/// reported as encrypted.
///
/// ```
/// record header (8 bytes): recVer:4 recInstance:12 | recType:16 | recLen:32
/// recVer 0xF = container (its body is more records), otherwise an atom
/// ```
enum PowerPointBinaryText {
    static func read(_ file: CompoundFile, budget: inout Int) throws(CompoundFileError) -> [(place: String, text: String)] {
        if file.child(named: "EncryptedSummary") != nil { throw .encrypted("the presentation is password-protected") }
        guard let stream = try file.stream(named: "PowerPoint Document", budget: &budget) else {
            throw .damaged("no PowerPoint Document stream")
        }
        var texts: [(place: String, text: String)] = []
        var slides = 0, notes = 0, listSlides = 0
        var place: [String] = []
        // (end offset, what the container was) for each open container.
        var open: [(end: Int, type: UInt16, place: String?)] = []
        var offset = 0
        while offset + 8 <= stream.count {
            while let last = open.last, offset >= last.end { open.removeLast() }
            guard let head = stream.u16(at: offset), let type = stream.u16(at: offset + 2),
                  let length = stream.u32(at: offset + 4) else { break }
            let bodyStart = offset + 8
            let end = bodyStart + min(Int(length), stream.count - bodyStart)
            let enclosing = open.last?.end ?? stream.count
            let isContainer = head & 0x000F == 0x000F
            if type == 0x2F14 { throw .encrypted("the presentation is password-protected") }
            if isContainer {
                // Deeper than 64 containers the records are still read, only not labelled.
                guard open.count < 64 else {
                    offset = bodyStart
                    continue
                }
                var label: String?
                switch type {
                case 0x03EE: slides += 1; label = "slide \(slides)"
                case 0x03F0: notes += 1; label = "notes \(notes)"
                case 0x03F8: label = "master"
                case 0x0FF0: listSlides = 0; label = head >> 4 == 2 ? "notes" : head >> 4 == 0 ? "slide" : "master"
                default: break
                }
                open.append((min(end, enclosing), type, label))
                offset = bodyStart
                continue
            }
            place = open.compactMap { $0.place }
            if type == 0x03F3 { listSlides += 1 }
            if type == 0x0FA0 || type == 0x0FA8, place.last != "master",
               let body = stream.bytes(at: bodyStart, length: end - bodyStart) {
                let text = type == 0x0FA0 ? utf16LittleEndian(body) : String(decoding: body.map { UInt16($0) }, as: UTF16.self)
                let inner = place.last ?? "slide"
                let label = inner == "slide" || inner == "notes" ? "\(inner) \(max(1, listSlides))" : inner
                texts.append((label, String(text.map { $0 == "\r" || $0 == "\u{0B}" ? "\n" : $0 })))
            }
            offset = max(end, bodyStart)
        }
        return texts
    }
}
