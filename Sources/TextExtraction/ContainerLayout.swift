/// What a ZIP container holds, told from its member names: a Word, Excel or PowerPoint
/// document, an OpenDocument file, or a plain archive whose members are read one by one.
enum ContainerLayout: Equatable {
    case wordDocument, workbook, presentation, openDocument, plain

    init(memberNames names: Set<String>) {
        if names.contains("word/document.xml") {
            self = .wordDocument
        } else if names.contains("xl/workbook.xml") || names.contains(where: { $0.hasPrefix("xl/worksheets/") }) {
            self = .workbook
        } else if names.contains("ppt/presentation.xml") || names.contains(where: { $0.hasPrefix("ppt/slides/") }) {
            self = .presentation
        } else if names.contains("content.xml"), names.contains("mimetype") || names.contains("META-INF/manifest.xml") {
            self = .openDocument
        } else {
            self = .plain
        }
    }

    /// Whether a member is an embedded file (an OLE object, a worksheet in a Word
    /// document): read the way an archive member would be, so nothing hides inside.
    func isEmbedded(_ name: String) -> Bool {
        self != .plain && self != .openDocument && name.contains("/embeddings/")
    }

    /// Whether a member's bytes are needed to read the document.
    func wants(_ name: String) -> Bool {
        guard name.hasSuffix(".xml") || name.hasSuffix(".rels") else { return false }
        switch self {
        case .wordDocument:
            guard name.hasPrefix("word/"), !name.contains("/", after: 5) else { return false }
            let stem = String(name.dropFirst(5))
            return ["document.xml", "footnotes.xml", "endnotes.xml", "comments.xml"].contains(stem)
                || stem.hasPrefix("header") || stem.hasPrefix("footer")
        case .workbook:
            return name == "xl/sharedStrings.xml" || name == "xl/workbook.xml" || name == "xl/_rels/workbook.xml.rels"
                || name.hasPrefix("xl/worksheets/sheet") || name.hasPrefix("xl/comments")
                || name.hasPrefix("xl/threadedComments/")
        case .presentation:
            return name.hasPrefix("ppt/slides/slide") || name.hasPrefix("ppt/notesSlides/notesSlide")
                || name.hasPrefix("ppt/comments/")
        case .openDocument:
            // Embedded objects (charts, formulas, other documents) are `Object N/content.xml`.
            return name == "content.xml" || name == "styles.xml" || name == "META-INF/manifest.xml"
                || name.hasSuffix("/content.xml")
        case .plain:
            return false
        }
    }
}

extension String {
    /// True when `character` occurs after the first `offset` characters.
    fileprivate func contains(_ character: Character, after offset: Int) -> Bool {
        dropFirst(offset).contains(character)
    }
}
