/// One PDF value (ISO 32000 §7.3). Streams keep their dictionary and the byte range of
/// their raw data in the file; names and dictionary keys are kept without the slash.
indirect enum PDFObject {
    case null
    case bool(Bool)
    case number(Double)
    case string([UInt8])
    case name(String)
    case array([PDFObject])
    case dictionary([String: PDFObject])
    case reference(Int)
    case stream([String: PDFObject], Range<Int>)

    /// The number as an `Int` when it is a whole number of sane size.
    var integer: Int? {
        guard case .number(let value) = self, value.isFinite, abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    var name: String? {
        if case .name(let value) = self { return value }
        return nil
    }

    var array: [PDFObject]? {
        if case .array(let value) = self { return value }
        return nil
    }

    var bytes: [UInt8]? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The dictionary of a dictionary or a stream.
    var dictionary: [String: PDFObject]? {
        switch self {
        case .dictionary(let value), .stream(let value, _): value
        default: nil
        }
    }
}
