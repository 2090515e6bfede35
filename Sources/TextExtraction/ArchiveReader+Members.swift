import ChaperoneModel
import ZIPFoundation

extension ArchiveReader {
    /// A plain ZIP: member names become filename segments; readable members are read,
    /// nested archives opened one level deeper.
    mutating func readMembers(_ archive: Archive, _ entries: [Entry], collector: inout SegmentCollector) {
        for entry in entries where entry.type == .file {
            let name = entry.path
            let memberPlace = memberLocation(name)
            collector.add(TextSegment(location: TextLocation(kind: .attachmentName, name: name, partPath: location.partPath,
                                                             detail: "in \(location.name)"),
                                      role: .filename, text: name))
            let kind = AttachmentKind(contentType: "", filename: name)
            guard kind != .other, !collector.isFull, let bytes = inflate(archive, entry, collector: &collector) else { continue }
            switch kind {
            case .zip, .docx, .xlsx:
                var inner = ArchiveReader(limits: limits, location: memberPlace, depth: depth + 1)
                inner.expandedBytes = expandedBytes
                _ = inner.read(bytes, kind: kind, collector: &collector)
                expandedBytes = inner.expandedBytes
            case .html:
                HTMLTextExtractor.extract(ArchiveMemberText.text(bytes), location: memberPlace, collector: &collector)
            case .csv:
                CSVTextExtractor.extract(ArchiveMemberText.text(bytes), location: memberPlace, collector: &collector)
            case .xml:
                XMLRecordExtractor.extract(bytes, location: memberPlace, collector: &collector)
            case .pdf:
                expandedBytes += PDFTextExtractor.extract(bytes, location: memberPlace, collector: &collector,
                                                          expansionBudget: limits.maxArchiveExpansionBytes - expandedBytes)
            case .compoundFile:
                expandedBytes += CompoundDocumentExtractor.extract(bytes, location: memberPlace, collector: &collector, depth: depth + 1,
                                                                   expansionBudget: limits.maxArchiveExpansionBytes - expandedBytes)
            case .rtf:
                RTFTextExtractor.extract(bytes, location: memberPlace, collector: &collector)
            case .tnef:
                expandedBytes += TNEFExtractor.extract(bytes, location: memberPlace, collector: &collector, depth: depth + 1,
                                                       expansionBudget: limits.maxArchiveExpansionBytes - expandedBytes)
            case .plainText:
                collector.add(TextSegment(location: memberPlace, text: ArchiveMemberText.text(bytes)))
            case .other:
                break
            }
        }
    }
}
