import CLibXML2

/// Parses XML from memory safely (no network, no DTD loading, no entity substitution,
/// no error printing) and walks its elements iteratively with enter/exit callbacks.
enum XMLTreeWalker {
    static let parseOptions = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// Calls `enter` for each element and text node (text nodes have the name `#text`
    /// and their content as the second argument) and `exit` after an element's children.
    static func walk(_ bytes: [UInt8], enter: (String, String?, xmlNodePtr) -> Void, exit: (String) -> Void) -> Bool {
        LibXML2Setup.prepareThread()
        guard !bytes.isEmpty else { return false }
        let document = bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(clamping: buffer.count), nil, nil, parseOptions)
                }
            }
        }
        guard let document else { return false }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return false }
        var node: xmlNodePtr? = root
        while let current = node {
            var descend = false
            if current.pointee.type == XML_ELEMENT_NODE {
                enter(XMLTreeWalker.name(of: current), nil, current)
                descend = true
            } else if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                enter("#text", String(cString: content), current)
            }
            if descend, let child = current.pointee.children {
                node = child
                continue
            }
            var leaving: xmlNodePtr? = current
            node = nil
            while let done = leaving {
                if done.pointee.type == XML_ELEMENT_NODE { exit(XMLTreeWalker.name(of: done)) }
                if done == root { break }
                if let next = done.pointee.next {
                    node = next
                    break
                }
                leaving = done.pointee.parent
            }
        }
        return true
    }
}
