import ChaperoneModel
import CLibXML2

/// Text from HTML through libxml2's HTML push parser driven as a SAX stream (no tree is
/// built, so memory stays flat however large the document): recovering, no network,
/// no DTD, no errors printed, the document's own encoding hint ignored because the text
/// is already UTF-8. Entities are decoded; scripts, styles and comments are dropped;
/// block elements and `<br>` break lines; each table row becomes a `.tableRow` segment
/// with its cells separated by tabs; `alt` text and link targets become segments of
/// their own. When the parser gives up (nesting deeper than it allows, a text node
/// larger than it allows), the text is read by stripping tags instead, so nothing
/// escapes scanning.
enum HTMLTextExtractor {
    static let parseOptions = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    static func extract(_ html: String, location: TextLocation, collector: inout SegmentCollector) {
        LibXML2Setup.prepareThread()
        let utf8 = Array(html.utf8)
        guard !utf8.isEmpty else { return }
        let events = HTMLEventSink(walker: HTMLWalker(location: location))
        var handler = HTMLEventSink.handler
        let userData = Unmanaged.passUnretained(events).toOpaque()
        guard let context = htmlCreatePushParserCtxt(&handler, userData, nil, 0, nil, XML_CHAR_ENCODING_UTF8) else {
            collector.add(TextSegment(location: location, text: HTMLTagStripper.strip(html)))
            return
        }
        defer { htmlFreeParserCtxt(context) }
        _ = htmlCtxtUseOptions(context, parseOptions)
        var aborted = false
        utf8.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { characters in
                var offset = 0
                let chunk = 256 * 1024
                while offset < buffer.count, !aborted {
                    let size = min(chunk, buffer.count - offset)
                    _ = htmlParseChunk(context, characters + offset, Int32(size), 0)
                    offset += size
                    aborted = isFatal(context)
                }
                if !aborted {
                    _ = htmlParseChunk(context, nil, 0, 1)
                    aborted = isFatal(context)
                }
            }
        }
        guard !aborted else {
            collector.report(ScanProblem(kind: .repaired, location: location.description,
                                         message: "The HTML parser gave up (too deeply nested or too large); its text was read by stripping tags."))
            collector.add(TextSegment(location: location, text: HTMLTagStripper.strip(html)))
            return
        }
        for segment in KeyValueTable.merge(events.walker.finish()) { collector.add(segment) }
    }

    private static func isFatal(_ context: htmlParserCtxtPtr) -> Bool {
        let code = context.pointee.errNo
        return code == Int32(XML_ERR_INTERNAL_ERROR.rawValue) || code == Int32(XML_ERR_NO_MEMORY.rawValue)
    }
}
