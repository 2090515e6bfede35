import ChaperoneModel

/// Extracts the text of a PDF attachment, one prose segment per page
/// (`location.detail` = `page N`). Pure: bytes in, segments and problems out.
///
/// Objects are found by scanning (a damaged cross-reference table does not matter);
/// FlateDecode, ASCIIHex and ASCII85 streams, object streams, simple fonts (WinAnsi,
/// Standard, MacRoman, /Differences) and ToUnicode maps (as Word's Type0 fonts use) are
/// understood; documents encrypted with an empty user password (RC4, AES-128,
/// AES-256) are decrypted first; glyph widths tell in-word moves from word gaps; form XObjects, form field
/// values and comments are read with their page. PDFs that need a password to open
/// and unparseable ones are reported unscannable; a PDF with pages but no text layer (a scan),
/// or whose text is in fonts with no Unicode mapping, is reported unscannable: its
/// content was not read, so it is held when it leaves the school.
/// Inflated bytes are capped by `max_archive_expansion_bytes`, pages by
/// `max_archive_entries`.
enum PDFTextExtractor {
    /// Adds the PDF's page texts and problems to `collector`; returns the bytes its
    /// streams expanded to. `expansionBudget` (default `max_archive_expansion_bytes`) is
    /// what remains for a PDF inside an archive.
    @discardableResult
    static func extract(_ bytes: [UInt8], location: TextLocation, collector: inout SegmentCollector,
                        expansionBudget: Int? = nil) -> Int {
        let limits = collector.limits
        var document = PDFDocument(bytes: bytes)
        document.scanObjects()
        if document.isEncrypted {
            switch document.decrypted() {
            case .decrypted(let plain):
                document = plain
            case .failed(let failure):
                let reason = switch failure {
                case .needsPassword: "it needs a password to open"
                case .unsupported(let what): "\(what) is not supported"
                }
                collector.report(ScanProblem(kind: .unscannable, location: location.description,
                                             message: "The PDF is encrypted (\(reason)); its text could not be read."))
                return 0
            }
        }
        var decoder = PDFStreamDecoder(budget: expansionBudget ?? limits.maxArchiveExpansionBytes)
        document.unpackObjectStreams(decoder: &decoder)
        let pageLimit = max(0, min(limits.maxArchiveEntries, Int.max - 1))
        var pages = document.pages(limit: pageLimit + 1)
        guard !pages.isEmpty else {
            let message = decoder.limitHit ? expansionMessage(limits) : "The PDF could not be read."
            collector.report(ScanProblem(kind: decoder.limitHit ? .limitHit : .unscannable, location: location.description,
                                         limit: decoder.limitHit ? "max_archive_expansion_bytes" : nil, message: message))
            return decoder.decodedBytes
        }
        if pages.count > pageLimit {
            pages.removeSubrange(pageLimit...)
            collector.report(ScanProblem(kind: .limitHit, location: location.description, limit: "max_archive_entries",
                                         message: "The PDF has more than \(limits.maxArchiveEntries) pages; the rest were not read."))
        }
        var reader = PDFPageReader(document: document, decoder: decoder)
        var sawText = false
        for (index, page) in pages.enumerated() {
            let place = pageLocation(location, page: index + 1)
            guard !collector.isFull else {
                collector.reportTextLimit(at: place)
                break
            }
            let text = reader.text(of: page)
            if text.contains(where: { !$0.isWhitespace }) {
                sawText = true
                collector.add(TextSegment(location: place, role: .prose, text: text))
            }
            if reader.decoder.limitHit { break }
        }
        if reader.decoder.limitHit {
            collector.report(ScanProblem(kind: .limitHit, location: location.description, limit: "max_archive_expansion_bytes",
                                         message: expansionMessage(limits)))
        } else if !sawText {
            let message = reader.unreadableStrings > 0
                ? "The PDF's text is drawn in fonts with no Unicode mapping; it could not be read."
                : "The PDF has pages but no text layer (a scanned image); its content could not be read."
            collector.report(ScanProblem(kind: .unscannable, location: location.description, message: message))
        }
        return reader.decoder.decodedBytes
    }

    /// `page N`, after the archive member's name when the PDF came out of a ZIP.
    static func pageLocation(_ location: TextLocation, page: Int) -> TextLocation {
        var place = location
        place.detail = location.detail.map { "\($0) page \(page)" } ?? "page \(page)"
        return place
    }

    private static func expansionMessage(_ limits: Limits) -> String {
        "The PDF's compressed streams expand beyond \(limits.maxArchiveExpansionBytes) bytes; the rest was not read."
    }
}
