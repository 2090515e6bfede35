import RosterImport

/// A roster CSV export (and, in half the runs, a staff list): the importer must give
/// rows or errors with file, line and column, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRosterCSV(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    var bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    // The importer tells CTF from CSV by a leading '<'; keep this target on CSV.
    if let first = bytes.first(where: { ![9, 10, 13, 32].contains($0) }), first == UInt8(ascii: "<") {
        bytes.insert(UInt8(ascii: "x"), at: 0)
    }
    let staff = bytes.count % 2 == 0 ? RosterSource(name: "staff.csv", bytes: bytes) : nil
    _ = RosterImporter.importFiles([RosterSource(name: "pupils.csv", bytes: bytes)], staff: staff)
    return 0
}
