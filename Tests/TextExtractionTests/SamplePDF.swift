import ChaperoneModel
import ChaperoneZlib
@testable import TextExtraction

/// Writes small PDFs byte by byte for tests: numbered objects, an optional xref table
/// and a trailer, plus the usual one-page document around a content stream.
enum SamplePDF {
    static let helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

    /// A file with the objects given (number, body), an xref table when asked, and `trailer`.
    static func file(_ objects: [(Int, [UInt8])], trailer: String = "<< /Root 1 0 R >>", xref: Bool = true) -> [UInt8] {
        var out = Array("%PDF-1.7\n%\u{E2}\u{E3}\n".utf8)
        var offsets: [(Int, Int)] = []
        for (number, body) in objects {
            offsets.append((number, out.count))
            out += Array("\(number) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let xrefStart = out.count
        if xref {
            let size = (objects.map(\.0).max() ?? 0) + 1
            out += Array("xref\n0 \(size)\n0000000000 65535 f \n".utf8)
            for number in 1..<max(size, 1) {
                let offset = offsets.first { $0.0 == number }?.1 ?? 0
                let digits = String(offset)
                out += Array((String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n").utf8)
            }
        }
        out += Array("trailer\n\(trailer)\nstartxref\n\(xrefStart)\n%%EOF\n".utf8)
        return out
    }

    static func text(_ body: String) -> [UInt8] { Array(body.utf8) }

    /// A stream object: `dictionary` entries (without `<< >>`), /Length added.
    static func stream(_ entries: String, _ data: [UInt8]) -> [UInt8] {
        Array("<< \(entries) /Length \(data.count) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)
    }

    /// zlib-compressed bytes, for FlateDecode streams.
    static func flate(_ bytes: [UInt8]) -> [UInt8] {
        var capacity = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let code = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { compress2(out.baseAddress, &capacity, $0.baseAddress, uLong($0.count), 6) }
        }
        guard code == Z_OK else { return [] }
        return Array(output.prefix(Int(capacity)))
    }

    /// Catalog 1, pages 2, page 3 with font /F1 = object 5, content 4.
    static func onePage(_ content: String, font: String = helvetica, compressed: Bool = false,
                        extra: [(Int, [UInt8])] = [], trailer: String = "<< /Root 1 0 R >>") -> [UInt8] {
        let data = Array(content.utf8)
        let contentObject = compressed ? stream("/Filter /FlateDecode", flate(data)) : stream("", data)
        return file([
            (1, text("<< /Type /Catalog /Pages 2 0 R >>")),
            (2, text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")),
            (3, text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")),
            (4, contentObject),
            (5, text(font)),
        ] + extra, trailer: trailer)
    }

    /// Extracts `bytes` as a PDF attachment named `report.pdf`.
    static func extract(_ bytes: [UInt8], limits: Limits = Limits()) -> SegmentCollector {
        var collector = SegmentCollector(limits: limits)
        PDFTextExtractor.extract(bytes, location: .attachment("report.pdf", partPath: "2"), collector: &collector)
        return collector
    }

    /// The page texts extracted.
    static func pages(_ bytes: [UInt8]) -> [String] {
        extract(bytes).segments.map(\.text)
    }
}
