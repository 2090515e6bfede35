import ChaperoneModel
import Foundation
import ScanPipeline
import Testing

/// Each format's fixture with a pupil's name and date of birth inside: held under §8 when
/// sent outside the school, with the finding located in the part that holds the data;
/// accepted inside the school; a damaged copy is held as unscannable with its reason.
@Suite struct FormatFixtureTests {
    static let external = "Bookings <groups@whitby-abbey.example>"
    static let internalRecipient = "Trips Office <trips@ralphthoresby.example>"

    private func scan(_ bytes: [UInt8], _ fixture: FormatFixtures.Fixture, to recipient: String) throws -> ScanReport {
        let (_, _, pipeline) = try SampleRuntime.load()
        let name = String(fixture.file.split(separator: "/").last ?? "")
        return pipeline.scan(message: FormatFixtures.message(attaching: bytes, filename: name, type: fixture.contentType, to: recipient))
    }

    private func summary(_ report: ScanReport) -> String {
        "\(report.action) \(report.findings.map { "\($0.detector.rawValue)@\($0.location)" }) \(report.problems)"
    }

    @Test(arguments: FormatFixtures.all)
    func pupilDataSentOutsideIsHeldWhereItSits(_ fixture: FormatFixtures.Fixture) throws {
        let report = try scan(try FormatFixtures.bytes(fixture), fixture, to: Self.external)
        #expect(report.action == .quarantine, "\(summary(report))")
        #expect(report.sections.contains(.confidentiality))
        let dates = report.findings.filter { $0.detector == .dateOfBirth }
        #expect(dates.contains { $0.location.description == fixture.location }, "\(summary(report))")
        #expect(!report.findings.contains { $0.detector == .unscannableContent }, "\(summary(report))")
    }

    @Test(arguments: FormatFixtures.all)
    func sameFileInsideTheSchoolIsAccepted(_ fixture: FormatFixtures.Fixture) throws {
        let report = try scan(try FormatFixtures.bytes(fixture), fixture, to: Self.internalRecipient)
        #expect(report.action == .accept, "\(summary(report))")
    }

    @Test(arguments: FormatFixtures.all.filter { !$0.file.hasPrefix("source/") && $0.file != "trip.tar" })
    func damagedCopyIsHeldAsUnscannable(_ fixture: FormatFixtures.Fixture) throws {
        let whole = try FormatFixtures.bytes(fixture)
        let damaged = Array(whole.prefix(whole.count * 6 / 10))
        let report = try scan(damaged, fixture, to: Self.external)
        #expect(report.action == .quarantine, "\(summary(report))")
        let unscannable = report.findings.filter { $0.detector == .unscannableContent }
        #expect(unscannable.contains { $0.evidence.contains("damaged") || $0.evidence.contains("over") }, "\(summary(report))")
    }

    @Test func encryptedArchiveIsHeldAsEncrypted() throws {
        let fixture = FormatFixtures.Fixture(file: "trip-encrypted.zip", contentType: "application/zip", location: "")
        let report = try scan(try FormatFixtures.bytes(fixture), fixture, to: Self.external)
        #expect(report.action == .quarantine)
        #expect(report.findings.contains {
            $0.detector == .unscannableContent && $0.evidence.contains("encrypted")
                && $0.location.description == "attachment:trip-encrypted.zip#medical.csv"
        }, "\(summary(report))")
        let inside = try scan(try FormatFixtures.bytes(fixture), fixture, to: Self.internalRecipient)
        #expect(inside.action == .accept)
    }
}
