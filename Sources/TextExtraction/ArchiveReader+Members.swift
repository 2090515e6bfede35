import ChaperoneModel

extension ArchiveReader {
    /// A plain archive: member names become filename segments; every member is read the
    /// way an attachment of its kind would be, nested archives one level deeper.
    mutating func readMembers(_ reader: LibArchiveReader, _ listing: [LibArchiveReader.Entry],
                              collector: inout SegmentCollector) {
        for expected in listing {
            if ScanCancellation.shouldStop(at: .archiveMember) { return }
            guard case .entry = reader.next() else { return }
            guard expected.isFile else { continue }
            let name = expected.name
            let place = memberLocation(name)
            if !reader.isRawStream {
                collector.add(TextSegment(location: TextLocation(kind: .attachmentName, name: name, partPath: location.partPath,
                                                                 detail: "in \(location.name)"),
                                          role: .filename, text: name))
            }
            guard !expected.isEncrypted else { continue }
            if collector.isFull {
                collector.reportTextLimit(at: place)
                return
            }
            if isSpent { return }
            guard let bytes = memberBytes(reader, expected, collector: &collector) else { continue }
            let declared = AttachmentKind(contentType: "", filename: name)
            let kind = declared.resolved(bytes: bytes, isTextless: textless.contains(contentType: "", filename: name))
            readMember(bytes, kind: kind, at: place, collector: &collector)
        }
    }

    /// Reads one member's bytes as `kind`; what cannot be read is reported unscannable.
    /// The member is one level below this reader (`depth + 1`).
    mutating func readMember(_ bytes: [UInt8], kind: AttachmentKind, at place: TextLocation,
                             collector: inout SegmentCollector) {
        switch kind {
        case .zip, .archive:
            var inner = ArchiveReader(limits: limits, location: place, textless: textless, depth: depth + 1)
            inner.expandedBytes = expandedBytes
            _ = inner.read(bytes, kind: kind, collector: &collector)
            expandedBytes = inner.expandedBytes
        case .html:
            HTMLTextExtractor.extract(ArchiveMemberText.text(bytes), location: place, collector: &collector)
        case .csv:
            CSVTextExtractor.extract(ArchiveMemberText.text(bytes), location: place, collector: &collector)
        case .xml:
            XMLRecordExtractor.extract(bytes, location: place, collector: &collector)
        case .flatOpenDocument:
            OpenDocumentText.read(bytes, location: place, collector: &collector)
        case .pdf:
            expandedBytes += PDFTextExtractor.extract(bytes, location: place, collector: &collector,
                                                      expansionBudget: limits.maxArchiveExpansionBytes - expandedBytes)
        case .plainText:
            collector.add(TextSegment(location: place, text: ArchiveMemberText.text(bytes).trimmingTrailingLineBreaks()))
        case .media, .textless, .program:
            break
        case .legacyOffice, .outlookMessage:
            expandedBytes += CompoundDocumentExtractor.extract(bytes, location: place, collector: &collector, textless: textless,
                                                               depth: depth + 1,
                                                               expansionBudget: limits.maxArchiveExpansionBytes - expandedBytes)
        case .rtf:
            RTFTextExtractor.extract(bytes, location: place, collector: &collector)
        case .tnef:
            expandedBytes += TNEFExtractor.extract(bytes, location: place, collector: &collector, textless: textless,
                                                   depth: depth + 1,
                                                   expansionBudget: limits.maxArchiveExpansionBytes - expandedBytes)
        case .encrypted, .unsupported:
            if let reason = kind.unreadReason {
                collector.report(reason.problem(type: kind.typeName, at: place))
            }
        }
    }
}
