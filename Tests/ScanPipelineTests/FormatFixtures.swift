import Foundation
import Testing

/// The documents and archives in `Fixtures/formats/`, each carrying one invented pupil's
/// name and date of birth (Sienna Varley, 03/07/2013, from samples/roster) in one place.
///
/// How they were made (LibreOffice 7.4 from Debian 12, headless):
/// - `source/*.fodt|fods|fodp` were written by hand as flat OpenDocument XML;
/// - `soffice --headless --convert-to odt|docx source/writer-*.fodt`,
///   `--convert-to ods|xlsx source/calc-*.fods`, `--convert-to odp|pptx source/impress-*.fodp`;
/// - `medical.csv` (one header row, one pupil row) was packed with GNU gzip (`gzip -9 -n`),
///   GNU tar (`tar -czf` → `trip.tar.gz`, copied to `trip.tgz`; `-cjf`, `-cJf`, `-cf`),
///   bsdtar from libarchive-tools (`bsdtar --format 7zip`), and Info-ZIP
///   (`zip -X`, `zip -X -fz` for ZIP64, `zip -X -P Secret123` for the encrypted one).
enum FormatFixtures {
    /// One fixture and where in it the pupil's data sits.
    struct Fixture: Sendable, CustomTestStringConvertible {
        var file: String
        var contentType: String
        /// The finding's location, as `TextLocation.description` prints it.
        var location: String
        var testDescription: String { file }
    }

    static var directory: URL {
        SamplePaths.repository.appendingPathComponent("Tests/ScanPipelineTests/Fixtures/formats")
    }

    static let odt = "application/vnd.oasis.opendocument.text"
    static let ods = "application/vnd.oasis.opendocument.spreadsheet"
    static let odp = "application/vnd.oasis.opendocument.presentation"
    static let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

    static let all: [Fixture] = writer + spreadsheets + presentations + archives

    static let writer: [Fixture] = [
        Fixture(file: "writer-body.odt", contentType: odt, location: "attachment:writer-body.odt"),
        Fixture(file: "writer-header.odt", contentType: odt, location: "attachment:writer-header.odt#styles.xml"),
        Fixture(file: "writer-footer.odt", contentType: odt, location: "attachment:writer-footer.odt#styles.xml"),
        Fixture(file: "writer-footnote.odt", contentType: odt, location: "attachment:writer-footnote.odt"),
        Fixture(file: "writer-comment.odt", contentType: odt, location: "attachment:writer-comment.odt"),
        Fixture(file: "writer-textbox.odt", contentType: odt, location: "attachment:writer-textbox.odt"),
        Fixture(file: "writer-body.docx", contentType: docx, location: "attachment:writer-body.docx"),
        Fixture(file: "writer-header.docx", contentType: docx, location: "attachment:writer-header.docx#header1"),
        Fixture(file: "writer-footer.docx", contentType: docx, location: "attachment:writer-footer.docx#footer1"),
        Fixture(file: "writer-footnote.docx", contentType: docx, location: "attachment:writer-footnote.docx#footnotes"),
        Fixture(file: "writer-comment.docx", contentType: docx, location: "attachment:writer-comment.docx#comments"),
        Fixture(file: "writer-textbox.docx", contentType: docx, location: "attachment:writer-textbox.docx"),
        // A key–value table (Name | …, Form | …, Date of birth | …): one record.
        Fixture(file: "writer-table.odt", contentType: odt, location: "attachment:writer-table.odt"),
        Fixture(file: "writer-table.docx", contentType: docx, location: "attachment:writer-table.docx"),
        Fixture(file: "source/writer-body.fodt", contentType: "application/octet-stream", location: "attachment:writer-body.fodt"),
        Fixture(file: "source/writer-header.fodt", contentType: "application/octet-stream", location: "attachment:writer-header.fodt"),
    ]

    static let spreadsheets: [Fixture] = [
        Fixture(file: "calc-hidden.ods", contentType: ods, location: "attachment:calc-hidden.ods#Medical!row 2"),
        Fixture(file: "calc-comment.ods", contentType: ods, location: "attachment:calc-comment.ods#Trip!row 2"),
        Fixture(file: "calc-hidden.xlsx", contentType: xlsx, location: "attachment:calc-hidden.xlsx#Medical!row 2"),
        Fixture(file: "calc-comment.xlsx", contentType: xlsx, location: "attachment:calc-comment.xlsx#comments1"),
        Fixture(file: "source/calc-hidden.fods", contentType: "application/octet-stream", location: "attachment:calc-hidden.fods#Medical!row 2"),
    ]

    static let presentations: [Fixture] = [
        Fixture(file: "impress-notes.odp", contentType: odp, location: "attachment:impress-notes.odp#slide 1"),
        Fixture(file: "impress-table.odp", contentType: odp, location: "attachment:impress-table.odp#slide 1"),
        Fixture(file: "impress-notes.pptx", contentType: pptx, location: "attachment:impress-notes.pptx#notesSlide1"),
        Fixture(file: "impress-table.pptx", contentType: pptx, location: "attachment:impress-table.pptx#slide1"),
        Fixture(file: "source/impress-notes.fodp", contentType: "application/octet-stream", location: "attachment:impress-notes.fodp#slide 1"),
    ]

    static let archives: [Fixture] = [
        Fixture(file: "medical.csv.gz", contentType: "application/gzip", location: "attachment:medical.csv.gz#medical.csv!row 2"),
        Fixture(file: "trip.tar.gz", contentType: "application/x-gzip", location: "attachment:trip.tar.gz#medical.csv!row 2"),
        Fixture(file: "trip.tgz", contentType: "application/octet-stream", location: "attachment:trip.tgz#medical.csv!row 2"),
        Fixture(file: "trip.tar.bz2", contentType: "application/x-bzip2", location: "attachment:trip.tar.bz2#medical.csv!row 2"),
        Fixture(file: "trip.tar.xz", contentType: "application/x-xz", location: "attachment:trip.tar.xz#medical.csv!row 2"),
        Fixture(file: "trip.tar", contentType: "application/x-tar", location: "attachment:trip.tar#medical.csv!row 2"),
        Fixture(file: "trip.7z", contentType: "application/x-7z-compressed", location: "attachment:trip.7z#medical.csv!row 2"),
        Fixture(file: "trip.zip", contentType: "application/zip", location: "attachment:trip.zip#medical.csv!row 2"),
        Fixture(file: "trip-zip64.zip", contentType: "application/zip", location: "attachment:trip-zip64.zip#medical.csv!row 2"),
    ]

    static func bytes(_ fixture: Fixture) throws -> [UInt8] {
        try SamplePaths.bytes(directory.appendingPathComponent(fixture.file))
    }

    /// A message from a member of staff to `recipient` with the fixture attached.
    static func message(attaching bytes: [UInt8], filename: String, type: String, to recipient: String) -> [UInt8] {
        let base64 = Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let lines = [
            "From: Sarah Whitfield <s.whitfield@ralphthoresby.example>", "To: \(recipient)",
            "Subject: Trip paperwork", "Message-ID: <format-fixture@ralphthoresby.example>", "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"fixture\"", "", "--fixture",
            "Content-Type: text/plain; charset=utf-8", "", "Please see the attached file for the trip.", "",
            "--fixture", "Content-Type: \(type); name=\"\(filename)\"",
            "Content-Disposition: attachment; filename=\"\(filename)\"", "Content-Transfer-Encoding: base64", "",
            base64, "--fixture--", "",
        ]
        return Array(lines.joined(separator: "\r\n").utf8)
    }
}
