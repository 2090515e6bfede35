extension PDFPageReader {
    static let maxAnnotations = 10_000

    /// The text people type into a page outside its content stream: filled-in form field
    /// values (/V, on the widget or its parent field) and comment annotations (/Contents).
    func annotationText(of page: PDFDocument.Page) -> String {
        var lines: [String] = []
        for entry in (document.value("Annots", in: page.dictionary).array ?? []).prefix(Self.maxAnnotations) {
            guard let annotation = document.resolve(entry).dictionary else { continue }
            let parent = document.value("Parent", in: annotation).dictionary
            let value = document.value("V", in: annotation).bytes ?? document.value("V", in: parent).bytes
            for bytes in [value, document.value("Contents", in: annotation).bytes] {
                guard let bytes else { continue }
                let text = PDFTextString.decode(bytes).trimmingTrailingLineBreaks()
                if !text.isEmpty { lines.append(text) }
            }
        }
        return lines.joined(separator: "\n")
    }
}
