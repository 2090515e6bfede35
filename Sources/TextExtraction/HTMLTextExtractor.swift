import ChaperoneModel
import CLibXML2

/// Text from HTML through libxml2's HTML parser (recovering, no network, no DTD, no
/// errors printed, the document's own encoding hint ignored because the text is already
/// UTF-8). Entities are decoded; scripts, styles and comments are dropped; block elements
/// and `<br>` break lines; each table row becomes a `.tableRow` segment with its cells
/// separated by tabs; `alt` text and link targets become segments of their own. When the
/// parser gives up (nesting deeper than it allows), the text is read by stripping tags
/// instead, so nothing escapes scanning.
enum HTMLTextExtractor {
    static let parseOptions = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    static func extract(_ html: String, location: TextLocation, collector: inout SegmentCollector) {
        LibXML2Setup.prepareThread()
        let utf8 = Array(html.utf8)
        guard !utf8.isEmpty, let context = htmlNewParserCtxt() else { return }
        defer { htmlFreeParserCtxt(context) }
        let document = utf8.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlCtxtReadMemory(context, $0, Int32(clamping: buffer.count), nil, "UTF-8", parseOptions)
                }
            }
        }
        defer { if let document { xmlFreeDoc(document) } }
        let aborted = context.pointee.errNo == Int32(XML_ERR_INTERNAL_ERROR.rawValue)
            || context.pointee.errNo == Int32(XML_ERR_NO_MEMORY.rawValue)
        guard let document, !aborted else {
            collector.report(ScanProblem(kind: .repaired, location: location.description,
                                         message: "The HTML could not be parsed as a tree (too deeply nested?); its text was read by stripping tags."))
            collector.add(TextSegment(location: location, text: HTMLTagStripper.strip(html)))
            return
        }
        var walker = HTMLWalker(location: location)
        walker.walk(xmlDocGetRootElement(document))
        for segment in walker.finish() { collector.add(segment) }
    }
}
