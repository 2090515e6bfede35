import FuzzSupport

/// An OOXML document (DOCX; the same archive reader serves XLSX and ZIP): the fuzzer's bytes as the attachment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOOXML(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    AttachmentHarness.extract(UnsafeRawBufferPointer(start: start, count: count),
                              contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", filename: "fuzz.docx")
    return 0
}
