import ChaperoneModel

extension ArchiveReader {
    /// The bytes of the members a document layout needs, by name (each within the budget).
    mutating func collectParts(_ reader: LibArchiveReader, _ listing: [LibArchiveReader.Entry], layout: ContainerLayout,
                               collector: inout SegmentCollector) -> [String: [UInt8]] {
        var parts: [String: [UInt8]] = [:]
        for expected in listing {
            guard case .entry = reader.next() else { break }
            guard expected.isFile, !expected.isEncrypted, !isSpent else { continue }
            if layout.isEmbedded(expected.name), !collector.isFull,
               let bytes = memberBytes(reader, expected, collector: &collector) {
                let kind = AttachmentKind(contentType: "", filename: expected.name).resolved(bytes: bytes, isTextless: false)
                readMember(bytes, kind: kind, at: memberLocation(expected.name), collector: &collector)
            } else if layout.wants(expected.name), let bytes = memberBytes(reader, expected, collector: &collector) {
                parts[expected.name] = bytes
            }
        }
        return parts
    }

    mutating func readDocument(_ layout: ContainerLayout, parts: [String: [UInt8]], collector: inout SegmentCollector) {
        switch layout {
        case .wordDocument: readWordDocument(parts, collector: &collector)
        case .workbook: readWorkbook(parts, collector: &collector)
        case .presentation: readPresentation(parts, collector: &collector)
        case .openDocument:
            if let manifest = parts["META-INF/manifest.xml"], manifest.contains(bytes: Array("encryption-data".utf8)) {
                collector.report(UnreadContent.encrypted("password-protected").problem(type: "OpenDocument file", at: location))
                return
            }
            let objects = parts.keys.filter { $0.hasSuffix("/content.xml") }.sorted { $0.naturalOrder < $1.naturalOrder }
            for name in ["content.xml", "styles.xml"] + objects {
                guard let bytes = parts[name] else { continue }
                let place = name == "content.xml" ? location : memberLocation(name)
                OpenDocumentText.read(bytes, location: place, collector: &collector)
            }
        case .plain: break
        }
    }

    /// A Word document: the body (located as the attachment itself), then headers,
    /// footers, footnotes, endnotes and comments, each located by its part. Text boxes
    /// and tracked deletions are read where they sit.
    private func readWordDocument(_ parts: [String: [UInt8]], collector: inout SegmentCollector) {
        let names = parts.keys.filter { $0 != "word/document.xml" }.sorted { $0.naturalOrder < $1.naturalOrder }
        for name in ["word/document.xml"] + names {
            guard let bytes = parts[name], !collector.isFull else { continue }
            let place = name == "word/document.xml" ? location : memberLocation(partName(name))
            readWordprocessing(bytes, member: name, location: place, collector: &collector)
        }
    }

    /// WordprocessingML or DrawingML (they share `p`, `t`, `br`, `tbl`, `tr`, `tc`).
    func readWordprocessing(_ bytes: [UInt8], member: String, location place: TextLocation,
                            collector: inout SegmentCollector) {
        var document = WordDocumentText(location: place)
        let parsed = XMLTreeWalker.walk(bytes, enter: { document.enter($0) }, exit: { document.exit($0) })
        for segment in document.finish() { collector.add(segment) }
        if !parsed { reportUnreadable(member, collector: &collector) }
    }

    /// A presentation: each slide's text and tables, its speaker notes, and comments.
    private func readPresentation(_ parts: [String: [UInt8]], collector: inout SegmentCollector) {
        for name in parts.keys.sorted(by: { $0.naturalOrder < $1.naturalOrder }) where !collector.isFull {
            guard let bytes = parts[name], !name.hasSuffix(".rels") else { continue }
            let place = memberLocation(partName(name))
            if name.hasPrefix("ppt/comments/") {
                if !XMLPlainText.read(bytes, location: place, collector: &collector) {
                    reportUnreadable(name, collector: &collector)
                }
            } else {
                readWordprocessing(bytes, member: name, location: place, collector: &collector)
            }
        }
    }

    /// `word/header1.xml` → `header1`, `ppt/notesSlides/notesSlide2.xml` → `notesSlide2`.
    func partName(_ member: String) -> String {
        String((member.split(separator: "/").last ?? "").dropLast(member.hasSuffix(".xml") ? 4 : 0))
    }

    func reportUnreadable(_ member: String, collector: inout SegmentCollector) {
        collector.report(UnreadContent.damaged.problem(type: "document part", at: memberLocation(member),
                                                       detail: "its XML is not well-formed; the text before the damage was read"))
    }
}

extension String {
    /// Orders `sheet2` before `sheet10`: the digits zero-padded, then the name.
    var naturalOrder: String {
        var result = ""
        var digits = ""
        for character in self {
            if character.isNumber {
                digits.append(character)
                continue
            }
            if !digits.isEmpty { result += String(repeating: "0", count: max(0, 8 - digits.count)) + digits }
            digits = ""
            result.append(character)
        }
        if !digits.isEmpty { result += String(repeating: "0", count: max(0, 8 - digits.count)) + digits }
        return result
    }
}
