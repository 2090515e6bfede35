import CLibXML2

/// Streams XML from memory through libxml2's reader (no tree is built, so memory stays
/// flat): internal entities are expanded (their text is part of the document, as Word
/// shows it) within libxml2's amplification limits, which stop billion-laughs and
/// quadratic blow-ups as a parse error; external entities and DTDs are never loaded
/// (`LibXML2Setup`); no network, no error printing. Calls `enter` for each element
/// start and text run and `exit` after each element.
enum XMLTreeWalker {
    static let parseOptions = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOENT.rawValue
        | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// One reader event: an element start (with attribute lookup) or a text run.
    enum Event {
        case element(String, attribute: (String) -> String?)
        case text(String)
    }

    /// Walks the document; returns false when it is not well-formed enough to read to the end.
    static func walk(_ bytes: [UInt8], enter: (Event) -> Void, exit: (String) -> Void) -> Bool {
        LibXML2Setup.prepareThread()
        guard !bytes.isEmpty else { return false }
        return bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            let opened = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReaderForMemory($0, Int32(clamping: buffer.count), nil, nil, parseOptions)
            }
            guard let reader = opened else { return false }
            defer { xmlFreeTextReader(reader) }
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { return true }
                if status < 0 { return false }
                switch xmlTextReaderNodeType(reader) {
                case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                    let name = localName(reader)
                    enter(.element(name) { attribute($0, reader) })
                    if xmlTextReaderIsEmptyElement(reader) == 1 { exit(name) }
                case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                    exit(localName(reader))
                case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                     Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                    if let value = xmlTextReaderConstValue(reader) { enter(.text(String(cString: value))) }
                default:
                    break
                }
            }
        }
    }

    private static func localName(_ reader: xmlTextReaderPtr) -> String {
        guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
        return String(cString: name)
    }

    private static func attribute(_ name: String, _ reader: xmlTextReaderPtr) -> String? {
        guard xmlTextReaderMoveToAttribute(reader, name) == 1 else { return nil }
        defer { _ = xmlTextReaderMoveToElement(reader) }
        return xmlTextReaderConstValue(reader).map { String(cString: $0) }
    }
}
