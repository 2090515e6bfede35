/// Reads the text of pages: decodes their content streams (a stream or an array of
/// them), loads their fonts (cached by object number across pages) and follows form
/// XObjects a few levels deep; form field values and comments on the page follow its text.
struct PDFPageReader {
    static let maxFormDepth = 4
    /// Form XObjects read per page, however they nest.
    static let maxFormsPerPage = 1_000
    let document: PDFDocument
    var decoder: PDFStreamDecoder
    private var fontCache: [Int: PDFFont] = [:]
    private var formsRead = 0
    /// Strings shown in fonts that could not be mapped to text, over all pages read.
    private(set) var unreadableStrings = 0

    init(document: PDFDocument, decoder: PDFStreamDecoder) {
        self.document = document
        self.decoder = decoder
    }

    /// The page's text, lines joined with "\n", then its form field values and comments.
    mutating func text(of page: PDFDocument.Page) -> String {
        var content: [UInt8] = []
        formsRead = 0
        let contents = document.value("Contents", in: page.dictionary)
        let streams = contents.array ?? [contents]
        for stream in streams.prefix(10_000) {
            guard let data = decoder.decode(document.resolve(stream), in: document) else { continue }
            content.append(contentsOf: data)
            content.append(0x0A)
        }
        let pageText = text(of: content, resources: page.resources, depth: 0)
        let annotations = annotationText(of: page)
        return annotations.isEmpty ? pageText : [pageText, annotations].filter { !$0.isEmpty }.joined(separator: "\n")
    }

    private mutating func text(of content: [UInt8], resources: [String: PDFObject]?, depth: Int) -> String {
        var interpreter = PDFContentInterpreter(fonts: fonts(in: resources))
        interpreter.read(content)
        unreadableStrings += interpreter.unreadableStrings
        var parts = [interpreter.text]
        guard depth < Self.maxFormDepth else { return interpreter.text }
        let xobjects = document.value("XObject", in: resources).dictionary
        for name in interpreter.invokedXObjects.prefix(1_000) {
            let form = document.value(name, in: xobjects)
            guard formsRead < Self.maxFormsPerPage else { break }
            guard case .stream(let dictionary, _) = form, dictionary["Subtype"]?.name == "Form",
                  let data = decoder.decode(form, in: document) else { continue }
            formsRead += 1
            let formResources = document.value("Resources", in: dictionary).dictionary ?? resources
            parts.append(text(of: data, resources: formResources, depth: depth + 1))
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    private mutating func fonts(in resources: [String: PDFObject]?) -> [String: PDFFont] {
        var fonts: [String: PDFFont] = [:]
        for (name, entry) in document.value("Font", in: resources).dictionary ?? [:] {
            if case .reference(let number) = entry, let cached = fontCache[number] {
                fonts[name] = cached
                continue
            }
            guard let dictionary = document.resolve(entry).dictionary else { continue }
            let font = PDFFont(dictionary, document: document, decoder: &decoder)
            if case .reference(let number) = entry { fontCache[number] = font }
            fonts[name] = font
        }
        return fonts
    }
}
