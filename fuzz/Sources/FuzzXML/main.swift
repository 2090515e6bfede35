import FuzzSupport

/// An XML attachment (the record extractor): the fuzzer's bytes as the attachment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    AttachmentHarness.extract(UnsafeRawBufferPointer(start: start, count: count),
                              contentType: "application/xml", filename: "fuzz.xml")
    return 0
}
