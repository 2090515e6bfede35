import ChaperoneModel

/// Opens archives held in memory through libarchive: ZIP (ZIP64 too), tar, 7z, RAR and
/// single files compressed with gzip, bzip2, xz or zstd. A ZIP that is an OOXML or
/// OpenDocument file is read as that document; any other archive lists its members and
/// reads each one the way an attachment would be read, nested archives one level deeper
/// up to `max_archive_depth`. Members counted against `max_archive_entries`, inflated
/// bytes (across nesting) against `max_archive_expansion_bytes`; encrypted, damaged and
/// unsupported members are reported unscannable, each naming the member.
struct ArchiveReader {
    let limits: Limits
    let location: TextLocation
    let textless: TextlessTypes
    var depth = 1
    var expandedBytes = 0

    init(limits: Limits, location: TextLocation, textless: TextlessTypes, depth: Int = 1) {
        self.limits = limits
        self.location = location
        self.textless = textless
        self.depth = depth
    }

    /// Reads `bytes` (an `.zip` or `.archive` kind); returns the member names (for `AttachmentInfo`).
    mutating func read(_ bytes: [UInt8], kind: AttachmentKind, collector: inout SegmentCollector) -> [String] {
        guard depth <= limits.maxArchiveDepth else {
            collector.report(ScanProblem(kind: .limitHit, location: location.description, limit: "max_archive_depth",
                                         message: "Archive nested deeper than \(limits.maxArchiveDepth) levels; not opened."))
            return []
        }
        let formats: LibArchiveReader.Formats = kind == .zip ? .zip : .any
        let listing = list(bytes, formats: formats, collector: &collector)
        let files = listing.filter(\.isFile)
        let layout = formats == .zip ? ContainerLayout(memberNames: Set(files.map(\.name))) : .plain
        guard let reader = LibArchiveReader(bytes, formats: formats) else { return files.map(\.name) }
        if layout == .plain {
            readMembers(reader, listing, collector: &collector)
        } else {
            let parts = collectParts(reader, listing, layout: layout, collector: &collector)
            readDocument(layout, parts: parts, collector: &collector)
        }
        return files.map(\.name)
    }

    /// The members' headers, up to `max_archive_entries`, with damage, the limit and
    /// encrypted members reported.
    private func list(_ bytes: [UInt8], formats: LibArchiveReader.Formats,
                      collector: inout SegmentCollector) -> [LibArchiveReader.Entry] {
        guard let reader = LibArchiveReader(bytes, formats: formats) else {
            collector.report(UnreadContent.damaged.problem(type: "archive", at: location,
                                                           detail: "not a readable archive"))
            return []
        }
        var entries: [LibArchiveReader.Entry] = []
        loop: while true {
            switch reader.next() {
            case .end:
                break loop
            case .failed:
                let detail = entries.isEmpty ? "its headers are damaged or encrypted" : "the members after \(entries.count) were not read"
                collector.report(UnreadContent.damaged.problem(type: "archive", at: location, detail: detail))
                break loop
            case .entry(var entry):
                guard entries.count < limits.maxArchiveEntries else {
                    collector.report(ScanProblem(kind: .limitHit, location: location.description, limit: "max_archive_entries",
                                                 message: "More than \(limits.maxArchiveEntries) archive members; the rest were not read."))
                    break loop
                }
                if reader.isRawStream { entry.name = decompressedName }
                if entry.isFile, entry.isEncrypted {
                    collector.report(UnreadContent.encrypted("password-protected")
                        .problem(type: "archive member", at: memberLocation(entry.name)))
                }
                entries.append(entry)
            }
        }
        return entries
    }

    /// The name a bare compressed file (`pupils.csv.gz`) had before it was compressed.
    private var decompressedName: String {
        let name = location.detail.map { String($0.split(separator: "/").last ?? "") } ?? location.name
        for suffix in [".gz", ".gzip", ".bz2", ".xz", ".zst", ".lz4"] where name.lowercased().hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name.isEmpty ? "data" : name
    }

    /// The next member's bytes within the expansion budget, or nil (reported).
    mutating func memberBytes(_ reader: LibArchiveReader, _ entry: LibArchiveReader.Entry,
                              collector: inout SegmentCollector) -> [UInt8]? {
        let budget = limits.maxArchiveExpansionBytes - expandedBytes
        if let declared = entry.declaredSize, declared > budget { return overBudget(entry, collector: &collector) }
        switch reader.data(budget: budget) {
        case .bytes(let bytes):
            expandedBytes += bytes.count
            return bytes
        case .overBudget:
            return overBudget(entry, collector: &collector)
        case .failed:
            collector.report(UnreadContent.damaged.problem(type: "archive member", at: memberLocation(entry.name),
                                                           detail: "it could not be decompressed"))
            return nil
        }
    }

    private mutating func overBudget(_ entry: LibArchiveReader.Entry, collector: inout SegmentCollector) -> [UInt8]? {
        collector.report(ScanProblem(kind: .limitHit, location: memberLocation(entry.name).description,
                                     limit: "max_archive_expansion_bytes",
                                     message: "Archive inflates to more than \(limits.maxArchiveExpansionBytes) bytes; the rest was not read."))
        expandedBytes = limits.maxArchiveExpansionBytes
        return nil
    }

    /// Whether the expansion budget is spent (then nothing more is inflated).
    var isSpent: Bool { expandedBytes >= limits.maxArchiveExpansionBytes }

    func memberLocation(_ member: String) -> TextLocation {
        var member = TextLocation.attachment(location.name, partPath: location.partPath, detail: member)
        if let outer = location.detail { member.detail = outer + "/" + (member.detail ?? "") }
        return member
    }
}
