import FuzzSupport

/// The MIME parser with text extraction: any bytes as a whole message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIME(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: start, count: count)
    AttachmentHarness.extract(message: Array(input))
    return 0
}
