import CLibXML2

/// Receives libxml2's SAX callbacks for one HTML parse and forwards them to an
/// `HTMLWalker`. A class so that libxml2 can hold it as an opaque user-data pointer for
/// the duration of the parse (the caller keeps it alive).
final class HTMLEventSink {
    var walker: HTMLWalker

    init(walker: HTMLWalker) {
        self.walker = walker
    }

    private static func sink(_ context: UnsafeMutableRawPointer?) -> HTMLEventSink? {
        context.map { Unmanaged<HTMLEventSink>.fromOpaque($0).takeUnretainedValue() }
    }

    /// A SAX handler with only the element and character callbacks set.
    static var handler: htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let sink = HTMLEventSink.sink(context), let name else { return }
            let element = String(cString: name).lowercased()
            sink.walker.start(element) { wanted in HTMLEventSink.attribute(wanted, in: attributes) }
        }
        handler.endElement = { context, name in
            guard let sink = HTMLEventSink.sink(context), let name else { return }
            sink.walker.end(String(cString: name).lowercased())
        }
        handler.characters = { context, characters, length in
            guard let sink = HTMLEventSink.sink(context), let characters, length > 0 else { return }
            sink.walker.text(String(decoding: UnsafeBufferPointer(start: characters, count: Int(length)), as: UTF8.self))
        }
        handler.cdataBlock = handler.characters
        return handler
    }

    /// Looks an attribute up in libxml2's NULL-terminated name/value array.
    private static func attribute(_ wanted: String, in attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> String? {
        guard let attributes else { return nil }
        var index = 0
        while let name = attributes[index] {
            let value = attributes[index + 1]
            if String(cString: name).lowercased() == wanted { return value.map { String(cString: $0) } ?? "" }
            index += 2
        }
        return nil
    }
}
