import FuzzSupport

/// An archive read through libarchive (7z, tar, gzip, bzip2, xz, zstd, rar): the
/// fuzzer's bytes as an attachment named for no format, so the reader goes by the
/// signature, as it does for a mislabelled attachment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchive(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    AttachmentHarness.extract(UnsafeRawBufferPointer(start: start, count: count),
                              contentType: "application/octet-stream", filename: "fuzz.bin")
    return 0
}
