import CLibXML2

/// Reads a DfE Common Transfer File (root `CTfile`, pupils under
/// `CTFpupilData/Pupil`) with libxml2's streaming reader, so a 50,000-pupil file needs
/// no DOM. DTD loading, entity substitution and network access are all off: an
/// external entity (XXE) is never fetched or expanded, and libxml2's own error output
/// is silenced (problems are reported through `RosterProblem`).
struct CTFReader {
    let file: String
    let bytes: [UInt8]
    let limits: RosterImportLimits

    /// libxml2 wants one `xmlInitParser` per process before use from several threads.
    private static let initialised: Bool = {
        xmlInitParser()
        xmlSetStructuredErrorFunc(nil, { _, _ in })
        return true
    }()

    static let options: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)

    func read(into problems: inout [RosterProblem]) -> [PupilRecord] {
        guard Self.initialised, bytes.count < Int(Int32.max) else {
            problems.append(RosterProblem(file: file, position: "", reason: "file too large for the XML reader", severity: .error))
            return []
        }
        var state = CTFReadState(file: file, limits: limits)
        let completed: Bool = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let pointer = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard let reader = xmlReaderForMemory(pointer, Int32(buffer.count), nil, nil, Self.options) else { return false }
            defer { xmlFreeTextReader(reader) }
            xmlTextReaderSetStructuredErrorHandler(reader, { _, _ in }, nil)
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { return true }
                if status < 0 {
                    state.failureLine = Int(xmlTextReaderGetParserLineNumber(reader))
                    return false
                }
                state.handle(reader)
                if state.stopped { return true }
            }
        }
        problems += state.problems
        if !completed {
            let line = state.failureLine.map { "line \($0)" } ?? state.path
            problems.append(RosterProblem(
                file: file, position: line,
                reason: "the XML is not well-formed; \(state.records.count) pupils before this point were kept",
                severity: state.records.isEmpty ? .error : .warning))
        }
        if state.rootName != nil, state.rootName != "CTfile", state.rootName != "ATfile" {
            problems.append(RosterProblem(file: file, position: state.rootName ?? "",
                reason: "the root element is not CTfile: this is not a Common Transfer File", severity: .error))
            return []
        }
        return state.records
    }
}
