import FuzzSupport

/// An OLE2 compound file: the first byte picks the name it arrives under (.doc, .xls,
/// .ppt or .msg, so both the legacy Office reader and the Outlook message reader run),
/// the rest is the attachment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCompoundFile(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let names = [("application/msword", "fuzz.doc"), ("application/vnd.ms-excel", "fuzz.xls"),
                 ("application/vnd.ms-powerpoint", "fuzz.ppt"), ("application/vnd.ms-outlook", "fuzz.msg")]
    let (contentType, filename) = names[Int(start.load(as: UInt8.self)) % names.count]
    AttachmentHarness.extract(UnsafeRawBufferPointer(start: start + 1, count: count - 1),
                              contentType: contentType, filename: filename)
    return 0
}
