import FuzzSupport

/// An OpenDocument file: the first byte picks packaged (.odt, .ods, .odp: a ZIP) or
/// flat XML (.fodt), the rest is the attachment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzODF(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let names = [("application/vnd.oasis.opendocument.text", "fuzz.odt"),
                 ("application/vnd.oasis.opendocument.spreadsheet", "fuzz.ods"),
                 ("application/vnd.oasis.opendocument.presentation", "fuzz.odp"),
                 ("application/vnd.oasis.opendocument.text-flat-xml", "fuzz.fodt")]
    let (contentType, filename) = names[Int(start.load(as: UInt8.self)) % names.count]
    AttachmentHarness.extract(UnsafeRawBufferPointer(start: start + 1, count: count - 1),
                              contentType: contentType, filename: filename)
    return 0
}
