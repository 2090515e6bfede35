import RosterImport

/// A DfE Common Transfer File (XML): the importer must give pupils or errors, never
/// crash, whatever the document declares.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRosterCTF(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    var bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    if bytes.first != UInt8(ascii: "<") { bytes = Array("<".utf8) + bytes }
    _ = RosterImporter.importFiles([RosterSource(name: "pupils.xml", bytes: bytes)], staff: nil)
    return 0
}
