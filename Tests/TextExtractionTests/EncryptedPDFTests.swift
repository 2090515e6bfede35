import ChaperoneModel
import Foundation
import Testing
@testable import TextExtraction

/// PDFs "protected" with an empty user password (made by qpdf from a LibreOffice PDF,
/// see `Fixtures/LEGACY-FIXTURES.md`) are decrypted and read; one that needs a password
/// to open is unscannable, saying so.
@Suite struct EncryptedPDFTests {
    @Test(arguments: ["qpdf-rc4-40.pdf", "qpdf-rc4-128.pdf", "qpdf-aes-128.pdf", "qpdf-aes-256.pdf"])
    func emptyUserPasswordIsDecrypted(fixture: String) throws {
        let result = SamplePDF.extract(try LegacyFixture.bytes(fixture))
        #expect(result.problems.isEmpty, "\(result.problems)")
        let page = try #require(result.segments.first)
        #expect(page.location.description == "attachment:report.pdf#page 1")
        #expect(page.text.contains("Ali Rahman, date of birth 07/01/2011"), "\(page.text)")
    }

    @Test func passwordToOpenIsUnscannable() throws {
        let result = SamplePDF.extract(try LegacyFixture.bytes("qpdf-aes-256-password.pdf"))
        #expect(result.segments.isEmpty)
        #expect(result.problems.map(\.kind) == [.unscannable])
        #expect(result.problems.first?.message == "The PDF is encrypted (it needs a password to open); its text could not be read.")
    }

    @Test func rc4MatchesTheKnownVector() {
        // RFC 6229 test vector: key 0x0102030405, first keystream bytes b2 39 63 05.
        #expect(PDFRC4.apply(key: [1, 2, 3, 4, 5], to: [0, 0, 0, 0]) == [0xB2, 0x39, 0x63, 0x05])
    }

    @Test func hostileEncryptedVariantsFinish() throws {
        let bytes = try LegacyFixture.bytes("qpdf-aes-128.pdf")
        let runs = LegacyFixture.hostileVariants(bytes, step: 97, seed: 4, mutations: 100) { variant in
            _ = SamplePDF.extract(variant)
        }
        #expect(runs > 300)
    }
}
