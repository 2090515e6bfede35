import ChaperoneModel
import FoundationEssentials
import ZIPFoundation

/// Opens ZIP containers held in memory: lists members of plain ZIP archives (and reads
/// the text, CSV, HTML and OOXML members inside, up to `max_archive_depth`), and reads
/// the text of OOXML documents (`.docx` body, `.xlsx` shared strings and sheet rows),
/// streaming their XML through libxml2's reader.
/// Entry count and inflated bytes are capped by `max_archive_entries` and
/// `max_archive_expansion_bytes`; encrypted members are reported unscannable.
struct ArchiveReader {
    let limits: Limits
    let location: TextLocation
    var depth = 1
    var expandedBytes = 0

    init(limits: Limits, location: TextLocation, depth: Int = 1) {
        self.limits = limits
        self.location = location
        self.depth = depth
    }

    /// Reads `bytes` as `kind`; returns the member names (for `AttachmentInfo`).
    mutating func read(_ bytes: [UInt8], kind: AttachmentKind, collector: inout SegmentCollector) -> [String] {
        guard depth <= limits.maxArchiveDepth else {
            collector.report(ScanProblem(kind: .limitHit, location: location.description, limit: "max_archive_depth",
                                         message: "Archive nested deeper than \(limits.maxArchiveDepth) levels; not opened."))
            return []
        }
        let layout = ZIPLayoutCheck.inspect(bytes, limit: limits.maxArchiveEntries + 1)
        switch layout.verdict {
        case .safe:
            break
        case .damaged:
            collector.report(ScanProblem(kind: .unscannable, location: location.description,
                                         message: "The attachment's ZIP structure is damaged (offsets outside the file); not opened."))
            return []
        case .zip64:
            collector.report(ScanProblem(kind: .unscannable, location: location.description,
                                         message: "ZIP64 archives are not opened; the attachment was not read."))
            return []
        }
        guard let archive = try? Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil) else {
            collector.report(ScanProblem(kind: .unscannable, location: location.description,
                                         message: "The attachment is not a readable ZIP container."))
            return []
        }
        var members = layout.members
        if members.count > limits.maxArchiveEntries {
            members.removeSubrange(limits.maxArchiveEntries...)
            collector.report(ScanProblem(kind: .limitHit, location: location.description, limit: "max_archive_entries",
                                         message: "More than \(limits.maxArchiveEntries) archive members; the rest were not read."))
        }
        let locked = members.filter(\.isEncrypted).count
        if locked > 0 {
            collector.report(ScanProblem(kind: .unscannable, location: location.description,
                                         message: "\(locked) archive member(s) are encrypted and could not be scanned."))
        }
        var entries: [Entry] = []
        for entry in archive {
            guard entries.count < members.count else { break }
            entries.append(entry)
        }
        switch kind {
        case .docx:
            readDocx(archive, entries, collector: &collector)
        case .xlsx:
            readXlsx(archive, entries, collector: &collector)
        default:
            readMembers(archive, entries, collector: &collector)
        }
        return members.map(\.name)
    }

    /// The inflated bytes of one member, or `nil` (reported) past the expansion limit or
    /// when it cannot be inflated.
    mutating func inflate(_ archive: Archive, _ entry: Entry, collector: inout SegmentCollector) -> [UInt8]? {
        var output = [UInt8]()
        let budget = limits.maxArchiveExpansionBytes - expandedBytes
        do {
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                guard output.count + chunk.count <= budget else { throw ArchiveLimitReached() }
                output.append(contentsOf: chunk)
            }
        } catch is ArchiveLimitReached {
            collector.report(ScanProblem(kind: .limitHit, location: memberLocation(entry.path).description,
                                         limit: "max_archive_expansion_bytes",
                                         message: "Archive inflates to more than \(limits.maxArchiveExpansionBytes) bytes; the rest was not read."))
            expandedBytes = limits.maxArchiveExpansionBytes
            return nil
        } catch {
            collector.report(ScanProblem(kind: .unscannable, location: memberLocation(entry.path).description,
                                         message: "Archive member could not be inflated (encrypted or damaged)."))
            return nil
        }
        expandedBytes += output.count
        return output
    }

    func memberLocation(_ member: String) -> TextLocation {
        var member = TextLocation.attachment(location.name, partPath: location.partPath, detail: member)
        if let outer = location.detail { member.detail = outer + "/" + (member.detail ?? "") }
        return member
    }
}
