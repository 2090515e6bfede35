import ChaperoneModel

/// Reads an XML attachment (a DfE Common Transfer File, an MIS or LA export, any data
/// file) as records: every element whose direct children include text-only elements
/// becomes one `.tableRow` segment of those texts, tab-separated, so a pupil's UPN,
/// names and date of birth stay in one row. Row 0 is a header row: the field names of
/// the most repeated kind of record (`Pupil` in a CTF), which lets an MIS-shaped export
/// be recognised even when its pupils are not on the roster. Text that is not in a record
/// is kept as prose. Streamed through libxml2 with no network, DTDs or entities.
enum XMLRecordExtractor {
    /// One element being read: its name, its text so far, and its text-only children.
    private struct Frame {
        var name: String
        var text = ""
        var hasChildElements = false
        var fields: [(name: String, text: String)] = []
    }

    static func extract(_ bytes: [UInt8], location: TextLocation, collector: inout SegmentCollector) {
        var stack: [Frame] = []
        var rows: [[String]] = []
        var shapes: [String: (count: Int, order: Int, fields: [String])] = [:]
        var loose: [String] = []
        let complete = XMLTreeWalker.walk(bytes, enter: { event in
            switch event {
            case .element(let name, _):
                if !stack.isEmpty { stack[stack.count - 1].hasChildElements = true }
                stack.append(Frame(name: name))
            case .text(let text):
                if stack.isEmpty { loose.append(text) } else { stack[stack.count - 1].text += text }
            }
        }, exit: { _ in
            guard let frame = stack.popLast() else { return }
            let text = frame.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !frame.hasChildElements {
                guard !text.isEmpty else { return }
                if stack.isEmpty { loose.append(text) } else { stack[stack.count - 1].fields.append((frame.name, text)) }
                return
            }
            if !text.isEmpty { loose.append(text) }
            guard !frame.fields.isEmpty else { return }
            if frame.fields.count >= 3 {
                let shape = shapes[frame.name] ?? (0, shapes.count, frame.fields.map(\.name))
                shapes[frame.name] = (shape.count + 1, shape.order, shape.fields)
            }
            rows.append(frame.fields.map(\.text))
        })
        if !complete {
            collector.report(ScanProblem(
                kind: .repaired, location: location.description,
                message: "The XML is not well-formed; the records before the error were read and the raw text was scanned too."))
            collector.add(TextSegment(location: location, text: String(decoding: bytes, as: UTF8.self)))
        }
        // The most repeated record shape; among equals, the one seen first.
        let header = shapes.values.max { ($0.count, -$0.order) < ($1.count, -$1.order) }?.fields
        emit(header: header, rows: rows, loose: loose, location: location, collector: &collector)
    }

    private static func emit(header: [String]?, rows: [[String]], loose: [String], location: TextLocation,
                             collector: inout SegmentCollector) {
        if let header {
            var rowLocation = location
            rowLocation.detail = "header"
            collector.add(TextSegment(location: rowLocation, role: .tableRow, text: header.joined(separator: "\t"), table: 0, row: 0))
        }
        for (index, cells) in rows.enumerated() {
            if collector.isFull { return }
            var rowLocation = location
            rowLocation.detail = "record \(index + 1)"
            collector.add(TextSegment(location: rowLocation, role: .tableRow, text: cells.joined(separator: "\t"), table: 0, row: index + 1))
        }
        if !loose.isEmpty, !collector.isFull {
            collector.add(TextSegment(location: location, text: loose.joined(separator: "\n")))
        }
    }
}
