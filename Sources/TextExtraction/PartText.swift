import ChaperoneModel
import MIMEParser

/// A leaf's body as text: CRLF and lone CR made LF, the declared charset decoded (for HTML without
/// one, the `<meta charset>` is honoured), problems reported when the charset is unknown
/// or the bytes do not fit it.
enum PartText {
    static func decode(_ part: MIMEPart, sniffHTML: Bool, location: TextLocation, problems: inout [ScanProblem]) -> String {
        let bytes = normalisedLineBreaks(part.body)
        var charset = part.charset
        if charset == nil, sniffHTML { charset = metaCharset(bytes) }
        let decoded = CharsetDecoder.decode(bytes, charset: charset)
        if !decoded.charsetKnown, let charset {
            problems.append(ScanProblem(kind: .unknownEncoding, location: location.description,
                                        message: "Unknown charset \"\(charset.prefix(40))\"; decoded best-effort."))
        } else if !decoded.isClean {
            problems.append(ScanProblem(kind: .repaired, location: location.description,
                                        message: "Some bytes are not valid \(decoded.charset); read as windows-1252."))
        }
        return decoded.text
    }

    /// The body as UTF-8 bytes for a reader that works on bytes (CSV), with the problems
    /// `decode` would report. When the body is labelled UTF-8 or US-ASCII, or not
    /// labelled, and is valid UTF-8, it is returned as it is, line breaks as received
    /// (`lineBreaksNormalised` false: the reader treats CRLF and a lone CR as LF), with no
    /// copy made; otherwise it is `decode`'s text, line breaks normalised.
    static func utf8(_ part: MIMEPart, location: TextLocation,
                     problems: inout [ScanProblem]) -> (bytes: [UInt8], lineBreaksNormalised: Bool) {
        let name = CharsetDecoder.canonicalName(part.charset)
        if part.charset == nil || name == "utf-8" || name == "us-ascii", UTF8Validity.isValid(part.body) {
            return (part.body, false)
        }
        return (Array(decode(part, sniffHTML: false, location: location, problems: &problems).utf8), true)
    }

    /// The bytes with every line break (CRLF, or a lone CR) made LF.
    /// The text between CRs is copied a run at a time.
    static func normalisedLineBreaks(_ bytes: [UInt8]) -> [UInt8] {
        var carriageReturn = ByteSearch.next(0x0D, in: bytes, from: 0)
        guard carriageReturn < bytes.count else { return bytes }
        var output = [UInt8]()
        output.reserveCapacity(bytes.count)
        var runStart = 0
        while carriageReturn < bytes.count {
            output.append(contentsOf: bytes[runStart..<carriageReturn])
            // CRLF loses its CR (the LF is the next run's first byte); a lone CR becomes LF.
            if !(carriageReturn + 1 < bytes.count && bytes[carriageReturn + 1] == 0x0A) { output.append(0x0A) }
            runStart = carriageReturn + 1
            carriageReturn = ByteSearch.next(0x0D, in: bytes, from: runStart)
        }
        output.append(contentsOf: bytes[runStart...])
        return output
    }

    /// The charset named in an HTML document's first 2 KiB (`<meta charset=…>` or
    /// `content="text/html; charset=…"`).
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(2048)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let needle = Array("charset=".utf8)
        guard head.count >= needle.count else { return nil }
        for start in 0...(head.count - needle.count) where Array(head[start..<(start + needle.count)]) == needle {
            var index = start + needle.count
            while index < head.count, head[index] == UInt8(ascii: "\"") || head[index] == UInt8(ascii: "'") { index += 1 }
            let valueStart = index
            while index < head.count, head[index] > 0x20, !"\"'>;/".utf8.contains(head[index]) { index += 1 }
            if index > valueStart { return String(decoding: head[valueStart..<index], as: UTF8.self) }
        }
        return nil
    }
}
