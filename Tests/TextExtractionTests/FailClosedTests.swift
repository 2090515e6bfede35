import ChaperoneModel
import Foundation
import MIMEParser
import Testing
@testable import TextExtraction

/// Every part is read, recognised as media, allow-listed as textless, or reported
/// unscannable with its type and reason: never skipped in silence.
@Suite struct FailClosedTests {
    private func attach(_ bytes: [UInt8], _ filename: String, _ type: String) -> MessageContent {
        Extraction.content(StoredZip.message(attaching: bytes, filename: filename, type: type))
    }

    private let binary: [UInt8] = (0..<600).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) } + [0, 0, 1, 2]

    @Test func unknownBinaryIsUnscannableUnsupported() {
        let content = attach(binary, "data.bin", "application/octet-stream")
        #expect(content.attachments.first?.handling == .unscannable)
        #expect(content.attachments.first?.unreadReason == "unsupported format")
        let problem = content.problems.first { $0.kind == .unscannable }
        #expect(problem?.location == "attachment:data.bin")
        #expect(problem?.message.contains("application/octet-stream") == true)
        #expect(problem?.message.contains("unsupported format") == true)
    }

    @Test func unlabelledTextIsRead() {
        let content = attach(Array("Sienna Varley 03/07/2013".utf8), "notes", "application/octet-stream")
        #expect(content.attachments.first?.handling == .read)
        #expect(content.segments.contains { $0.text == "Sienna Varley 03/07/2013" })
    }

    @Test func pdfSentAsOctetStreamIsReadAsPDF() {
        let pdf = SamplePDF.onePage("BT /F1 12 Tf 72 700 Td (UPN B801200005001) Tj ET", compressed: true)
        let content = attach(pdf, "scan0001.dat", "application/octet-stream")
        #expect(content.segments.contains { $0.text.contains("B801200005001") })
        #expect(content.attachments.first?.detectedType == "application/pdf")
    }

    @Test func zipNamedDatIsOpened() {
        let zip = StoredZip.archive([("list.txt", Array("Reading age 9".utf8))])
        let content = attach(zip, "export.dat", "application/octet-stream")
        #expect(content.attachments.first?.archiveMembers == ["list.txt"])
        #expect(content.segments.contains { $0.text == "Reading age 9" })
    }

    @Test func damagedCompoundFileIsUnscannableWhateverItsName() {
        let ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + binary
        for (name, type) in [("report.doc", "application/msword"), ("marks.xls", "application/vnd.ms-excel"),
                             ("unknown.bin", "application/octet-stream"), ("mail.msg", "application/vnd.ms-outlook")] {
            let content = attach(ole2, name, type)
            #expect(content.attachments.first?.handling == .unscannable, "\(name)")
            #expect(content.problems.contains { $0.kind == .unscannable && $0.location == "attachment:\(name)" })
        }
    }

    @Test func htmlNamedXlsIsReadAsHTML() {
        let html = Array("<html><table><tr><td>Sienna Varley</td><td>03/07/2013</td></tr></table></html>".utf8)
        let content = attach(html, "export.xls", "application/vnd.ms-excel")
        #expect(content.attachments.first?.handling == .read)
        #expect(content.segments.contains { $0.role == .tableRow && $0.text == "Sienna Varley\t03/07/2013" })
    }

    @Test func mediaIsRecognisedByMagicBytes() {
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + binary
        let content = attach(jpeg, "IMG_2041.dat", "application/octet-stream")
        #expect(content.attachments.first?.handling == .media)
        #expect(content.attachments.first?.isImageOrVideo == true)
        #expect(content.problems.isEmpty)
        let audio = attach(Array("ID3".utf8) + binary, "memo.m4a", "audio/mp4")
        #expect(audio.attachments.first?.handling == .media)
        #expect(audio.attachments.first?.isImageOrVideo == false)
    }

    @Test func detachedSignaturesAreTextless() {
        let signature: [UInt8] = [0x30, 0x82, 0x05, 0x10] + binary
        let content = attach(signature, "smime.p7s", "application/pkcs7-signature")
        #expect(content.attachments.first?.handling == .textless)
        #expect(content.problems.isEmpty)
        let configured = TextExtractor(textless: TextlessTypes([])).extract(
            ParsedMessage.parse(StoredZip.message(attaching: signature, filename: "smime.p7s", type: "application/pkcs7-signature")))
        #expect(configured.attachments.first?.handling == .unscannable)
        let disguised = attach(StoredZip.archive([("a.txt", Array("hidden".utf8))]), "smime.p7s", "application/pkcs7-signature")
        #expect(disguised.segments.contains { $0.text == "hidden" })
    }

    @Test func encryptedMailIsUnscannableAsEncrypted() {
        let enveloped = Extraction.content([
            "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m",
            "Content-Transfer-Encoding: base64", "Content-Disposition: attachment; filename=smime.p7m", "",
            StoredZip.base64(binary),
        ])
        #expect(enveloped.attachments.first?.unreadReason == "encrypted")
        #expect(enveloped.problems.contains { $0.kind == .unscannable && $0.message.contains("S/MIME") })
        let pgp = Extraction.content([
            "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=b", "",
            "--b", "Content-Type: application/pgp-encrypted", "", "Version: 1",
            "--b", "Content-Type: application/octet-stream; name=encrypted.asc", "",
            "-----BEGIN PGP MESSAGE-----", "", "hQEMA1234", "-----END PGP MESSAGE-----", "--b--",
        ])
        #expect(pgp.attachments.allSatisfy { $0.handling == .unscannable })
        #expect(pgp.problems.filter { $0.kind == .unscannable }.count == 2)
        let inline = Extraction.content(["Content-Type: text/plain", "", "-----BEGIN PGP MESSAGE-----", "hQEMA", "-----END PGP MESSAGE-----"])
        #expect(inline.problems.contains { $0.kind == .unscannable && $0.message.contains("PGP") })
    }

    @Test func unreadableArchiveMembersAreNamed() {
        let zip = StoredZip.archive([("notes.txt", Array("fine".utf8)), ("blob.bin", binary)])
        let content = attach(zip, "bundle.zip", "application/zip")
        #expect(content.problems.contains { $0.kind == .unscannable && $0.location == "attachment:bundle.zip#blob.bin" })
        #expect(content.attachments.first?.handling == .unscannable)
    }

    @Test func passwordProtectedDocumentsAreUnscannableAsEncrypted() {
        let manifest = """
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">
            <manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>
            """
        let odt = StoredZip.archive([("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)),
                                     ("META-INF/manifest.xml", Array(manifest.utf8)), ("content.xml", binary)])
        let odf = attach(odt, "plan.odt", "application/vnd.oasis.opendocument.text")
        #expect(odf.attachments.first?.unreadReason == "encrypted")
        #expect(odf.problems.contains { $0.location == "attachment:plan.odt" && $0.message.contains("password-protected") })
        let name: [UInt8] = Array("EncryptedPackage".utf8).flatMap { [$0, UInt8(0)] }
        let ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + binary + name + binary
        let docx = attach(ole2, "plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(docx.attachments.first?.unreadReason == "encrypted")
    }
}
