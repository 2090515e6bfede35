import FuzzSupport

/// A CSV attachment: the fuzzer's bytes as the attachment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    AttachmentHarness.extract(UnsafeRawBufferPointer(start: start, count: count),
                              contentType: "text/csv", filename: "fuzz.csv")
    return 0
}
