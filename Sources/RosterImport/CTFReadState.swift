import CLibXML2

/// The streaming state while reading a CTF: the element path, the pupil and contact
/// being filled, and the text of the current element.
struct CTFReadState {
    let file: String
    let limits: RosterImportLimits
    var records: [PupilRecord] = []
    var problems: [RosterProblem] = []
    var rootName: String?
    var failureLine: Int?
    var stopped = false

    private var stack: [String] = []
    private var pupilDepth: Int?
    private var pupilCount = 0
    var current: PupilRecord?
    var contact: ContactRecord?
    private var text: [UInt8] = []
    private var textCut = false
    var bs7666: [String: String] = [:]

    init(file: String, limits: RosterImportLimits) {
        self.file = file
        self.limits = limits
    }

    var path: String { stack.joined(separator: "/") }

    mutating func handle(_ reader: xmlTextReaderPtr) {
        switch xmlTextReaderNodeType(reader) {
        case 1:
            let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
            start(name)
            if xmlTextReaderIsEmptyElement(reader) == 1 { end() }
        case 3, 4, 14:
            guard let value = xmlTextReaderConstValue(reader) else { return }
            var pointer = value
            while pointer.pointee != 0 {
                if text.count < limits.maxFieldBytes { text.append(pointer.pointee) } else { textCut = true }
                pointer += 1
            }
        case 15:
            end()
        default:
            break  // entity references, comments, processing instructions: ignored
        }
    }

    private mutating func start(_ name: String) {
        if rootName == nil { rootName = name }
        stack.append(name)
        text.removeAll(keepingCapacity: true)
        textCut = false
        if name == "Pupil", stack.count >= 2, stack[stack.count - 2].hasSuffix("pupilData") {
            pupilCount += 1
            if pupilCount > limits.maxRows {
                problems.append(RosterProblem(file: file, position: path,
                    reason: "more than \(limits.maxRows) pupils (roster_max_rows); the rest ignored", severity: .warning))
                stopped = true
                return
            }
            pupilDepth = stack.count
            current = PupilRecord(file: file, position: "\(path)[\(pupilCount)]")
            bs7666 = [:]
        } else if name == "Contact", current != nil {
            contact = ContactRecord()
        }
    }

    private mutating func end() {
        defer {
            if !stack.isEmpty { stack.removeLast() }
            text.removeAll(keepingCapacity: true)
        }
        guard let depth = pupilDepth, current != nil, stack.count >= depth else { return }
        if stack.count == depth {
            finishPupil()
            return
        }
        let relative = stack[depth...].joined(separator: "/")
        let value = String(decoding: text, as: UTF8.self).trimmingCharacters
        if textCut {
            problems.append(RosterProblem(file: file, position: current?.position ?? path, column: relative,
                reason: "value longer than \(limits.maxFieldBytes) bytes was cut (roster_max_field_bytes)", severity: .warning))
        }
        assign(relative, value)
    }

    private mutating func finishPupil() {
        guard var record = current else { return }
        let order = ["SAON", "PAON", "Street", "Locality", "Town", "AdministrativeArea", "PostTown"]
        let parts = order.compactMap { bs7666[$0] }.filter { !$0.isEmpty }
        if !parts.isEmpty {
            var lines = parts
            if let paon = bs7666["PAON"], let street = bs7666["Street"], !paon.isEmpty, !street.isEmpty {
                lines.removeAll { $0 == paon || $0 == street }
                lines.insert(paon + " " + street, at: 0)
            }
            record.addressLines = lines + record.addressLines
        }
        records.append(record)
        current = nil
        pupilDepth = nil
    }
}
