import FuzzSupport

/// A TNEF stream (winmail.dat, with its compressed RTF body and embedded attachments):
/// the fuzzer's bytes as the attachment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTNEF(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    AttachmentHarness.extract(UnsafeRawBufferPointer(start: start, count: count),
                              contentType: "application/ms-tnef", filename: "winmail.dat")
    return 0
}
