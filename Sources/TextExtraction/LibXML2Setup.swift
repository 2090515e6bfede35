import CLibXML2

/// libxml2 set up for a server: the library initialised exactly once (thread-safe via
/// Swift's lazy global initialisation), and its error printing to stderr silenced on
/// the calling thread (libxml2 keeps the handler per thread).
enum LibXML2Setup {
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Call before every parse, on the thread that parses.
    static func prepareThread() {
        _ = initialised
        xmlSetStructuredErrorFunc(nil, LibXML2Setup.ignoreError)
    }

    private static let ignoreError: xmlStructuredErrorFunc = { _, _ in }
}
