import CLibXML2

/// libxml2 set up for a server: the library initialised exactly once (thread-safe via
/// Swift's lazy global initialisation), external entities and DTDs never loaded (the
/// process-wide loader refuses every URL, so no file or network is ever read whatever
/// a document declares), and its error printing to stderr silenced on the calling
/// thread (libxml2 keeps the handler per thread).
enum LibXML2Setup {
    private static let initialised: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader(LibXML2Setup.refuseExternalEntity)
        return true
    }()

    private static let refuseExternalEntity: xmlExternalEntityLoader = { _, _, _ in nil }

    /// Call before every parse, on the thread that parses.
    static func prepareThread() {
        _ = initialised
        xmlSetStructuredErrorFunc(nil, LibXML2Setup.ignoreError)
    }

    private static let ignoreError: xmlStructuredErrorFunc = { _, _ in }
}
