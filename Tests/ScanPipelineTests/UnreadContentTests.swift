import ChaperoneModel
import Foundation
import ScanPipeline
import Testing

/// Fail closed on every unread byte: the evasions of issue 13 item 4, each through the
/// whole pipeline with the sample configuration and roster (all pupils invented).
@Suite struct UnreadContentTests {
    static let sender = "c.bennett@ralphthoresby.example"
    static let personal = "someone@gmail.com"
    static let external = "referrals@leedsyouth.example.org"
    static let pupilList = "Pupil list\nZoë Okafor-Brennan 27/08/2014 R383432125004\nCiarán O'Neill 22/11/2009 M383432121005\nAli Rahman 07/01/2011 M383432122006\n"

    private func message(_ lines: [String], separator: String = "\r\n") -> [UInt8] {
        Array(([
            "From: Claire Bennett <\(Self.sender)>", "To: <\(Self.personal)>", "Subject: list", "MIME-Version: 1.0",
        ] + lines).joined(separator: separator).utf8)
    }

    /// Over 5 % stray characters used to make the body "not base64", so only the raw
    /// base64 was scanned; RFC 2045 decoders recover the whole list.
    @Test func base64WithManyStrayCharactersIsDecodedAndHeld() throws {
        let (_, _, pipeline) = try SampleRuntime.load()
        var polluted = ""
        for (index, character) in Data(Self.pupilList.utf8).base64EncodedString().enumerated() {
            polluted.append(character)
            if index % 4 == 0 { polluted += "%" }
        }
        let report = pipeline.scan(message: message(["Content-Type: text/plain; charset=utf-8",
                                                     "Content-Transfer-Encoding: base64", "", polluted]),
                                   sender: Self.sender, recipients: [Self.personal])
        #expect(report.action == .quarantine)
        #expect(report.findings.contains { $0.detector == .pupilName })
        #expect(report.problems.contains { $0.kind == .repaired })
    }

    /// A message whose every line ends in a lone CR used to be one header and no body.
    @Test func loneCRMessageIsParsedAndScanned() throws {
        let (_, _, pipeline) = try SampleRuntime.load()
        let bytes = message(["Content-Type: text/plain; charset=utf-8", "", Self.pupilList], separator: "\r")
        let report = pipeline.scan(message: bytes, sender: Self.sender, recipients: [Self.personal])
        #expect(report.action == .quarantine)
        #expect(report.findings.contains { $0.detector == .pupilName && $0.location.kind == .body })
    }

    /// "Update on  (UPN )": text held in an internal entity used to vanish.
    @Test func docxInternalEntityTextIsScanned() throws {
        let (_, _, pipeline) = try SampleRuntime.load()
        let xml = """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY p "Ali Rahman"><!ENTITY d "07/01/2011">]>
            <w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>Update on &p; (DOB &d;), medical plan attached</w:t></w:r></w:p></w:body></w:document>
            """
        let report = pipeline.scan(message: attachment(zip([("word/document.xml", Array(xml.utf8))]), named: "update.docx"),
                                   sender: Self.sender, recipients: [Self.personal])
        #expect(report.action == .quarantine)
        #expect(report.findings.contains { $0.detector == .pupilName && $0.location.kind == .attachment })
    }

    /// Content reported undecodable (here a DOCX whose XML does not parse, a PDF with no
    /// text layer, an unknown transfer encoding) is held on its way out, not accepted.
    @Test(arguments: ["docx", "pdf", "cte"])
    func undecodableContentToAnOutsideAddressIsHeld(kind: String) throws {
        let (_, _, pipeline) = try SampleRuntime.load()
        let bytes: [UInt8]
        switch kind {
        case "docx":
            bytes = attachment(zip([("word/document.xml", Array("<w:document><w:body><w:p>".utf8))]), named: "minutes.docx")
        case "pdf":
            bytes = attachment(Array(Self.imageOnlyPDF.utf8), named: "scan.pdf")
        default:
            bytes = message(["Content-Type: text/plain", "Content-Transfer-Encoding: x-uuencode", "",
                             "begin 644 list.txt", "M4'5P:6P@;&ES=`IZ;V5\"", "end"])
        }
        let outside = pipeline.scan(message: bytes, sender: Self.sender, recipients: [Self.external])
        #expect(outside.problems.contains { $0.leavesContentUnscanned })
        #expect(outside.findings.contains { $0.detector == .unscannableContent })
        #expect(outside.action == .quarantine)
        let inside = pipeline.scan(message: bytes, sender: Self.sender, recipients: ["h.marsh@ralphthoresby.example"])
        #expect(inside.action == .accept)
    }

    /// One page that paints an image and has no text (what a scanner writes).
    static let imageOnlyPDF = """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj
        4 0 obj << /Length 31 >> stream
        q 612 0 0 792 0 0 cm /Im1 Do Q
        endstream endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """

    private func attachment(_ bytes: [UInt8], named filename: String) -> [UInt8] {
        message(["Content-Type: multipart/mixed; boundary=z", "", "--z", "Content-Type: text/plain", "", "See attached.",
                 "--z", "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=\"\(filename)\"",
                 "Content-Transfer-Encoding: base64", "", Data(bytes).base64EncodedString(options: .lineLength76Characters),
                 "--z--", ""])
    }

    /// A ZIP with stored members (the OOXML container), built here so the hostile XML
    /// inside is exactly what the test says.
    private func zip(_ members: [(String, [UInt8])]) -> [UInt8] {
        var output: [UInt8] = []
        var central: [UInt8] = []
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
        for (name, data) in members {
            let offset = UInt32(output.count)
            let nameBytes = Array(name.utf8)
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in data {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            }
            crc = ~crc
            let sizes = le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(nameBytes.count)
            output += le32(0x0403_4B50) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0) + sizes + le16(0) + nameBytes + data
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0) + sizes
            central += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let centralOffset = UInt32(output.count)
        output += central + le32(0x0605_4B50) + le16(0) + le16(0) + le16(members.count) + le16(members.count)
        output += le32(UInt32(central.count)) + le32(centralOffset) + le16(0)
        return output
    }
}
