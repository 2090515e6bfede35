import ChaperoneModel
import CLibXML2

/// Text from HTML through libxml2's HTML parser (recovering, no network, no DTD, no
/// errors printed). Entities are decoded; scripts, styles and comments are dropped;
/// block elements and `<br>` break lines; each table row becomes a `.tableRow` segment
/// with its cells separated by tabs; `alt` text and link targets become segments of
/// their own.
enum HTMLTextExtractor {
    static let parseOptions = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)

    static func extract(_ html: String, location: TextLocation, collector: inout SegmentCollector) {
        LibXML2Setup.prepareThread()
        var utf8 = Array(html.utf8)
        guard !utf8.isEmpty else { return }
        utf8.append(0)
        let document = utf8.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(clamping: buffer.count - 1), nil, "UTF-8", parseOptions)
                }
            }
        }
        guard let document else {
            collector.add(TextSegment(location: location, text: html))
            return
        }
        defer { xmlFreeDoc(document) }
        var walker = HTMLWalker(location: location)
        walker.walk(xmlDocGetRootElement(document))
        for segment in walker.finish() { collector.add(segment) }
    }
}
