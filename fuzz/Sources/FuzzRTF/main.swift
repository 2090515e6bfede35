import FuzzSupport

/// An RTF document: the fuzzer's bytes as the attachment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRTF(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    AttachmentHarness.extract(UnsafeRawBufferPointer(start: start, count: count),
                              contentType: "application/rtf", filename: "fuzz.rtf")
    return 0
}
