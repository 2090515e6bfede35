import Foundation

/// A one-page PDF letter as a word processor would write it at its simplest: a
/// Helvetica text page with an uncompressed content stream, a cross-reference table
/// with exact offsets and a trailer, so the project's PDF reader takes its normal path.
enum CorpusPDF {
    static func letter(lines: [String]) -> Data {
        var content = "BT /F1 11 Tf 14 TL 72 770 Td\n"
        for line in lines.prefix(48) {
            for piece in wrapped(line, width: 90) { content += "(\(escaped(piece))) Tj T*\n" }
        }
        content += "ET\n"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (number, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(number + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }

    private static func wrapped(_ line: String, width: Int) -> [String] {
        var pieces: [String] = []
        var current = ""
        for word in line.split(separator: " ") {
            if current.count + word.count + 1 > width, !current.isEmpty { pieces.append(current); current = "" }
            current += current.isEmpty ? String(word) : " " + word
        }
        pieces.append(current)
        return pieces
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
    }
}
