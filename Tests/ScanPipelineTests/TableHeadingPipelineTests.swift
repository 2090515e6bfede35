import ChaperoneModel
import Foundation
import ScanPipeline
import Testing

/// A spreadsheet's heading row tells the detectors what its columns hold, for the rows
/// the extractor really produces (each located by its own row number): under "Name" a
/// cell "Okafor-Brennan Zoë" (surname first, no comma) is a pupil, and under "Password"
/// a cell is a credential with no keyword beside it.
@Suite struct TableHeadingPipelineTests {
    static let external = "Bookings <groups@whitby-abbey.example>"

    private func scanCSV(_ csv: String) throws -> ScanReport {
        let (_, _, pipeline) = try SampleRuntime.load()
        return pipeline.scan(message: FormatFixtures.message(attaching: Array(csv.utf8), filename: "logins.csv",
                                                            type: "text/csv", to: Self.external))
    }

    @Test func nameAndPasswordHeadingsApplyToTheRowsOfACSVAttachment() throws {
        let report = try scanCSV("Name,Password\r\nOkafor-Brennan Zoë,Kestrel33!\r\nO'Neill Ciarán,Harrier-41#\r\n")
        let names = report.findings.filter { $0.detector == .pupilName }
        #expect(Set(names.compactMap(\.pupil)).count == 2, "\(report.findings.map { "\($0.detector.rawValue)@\($0.location)" })")
        let credentials = report.findings.filter { $0.detector == .credential }
        #expect(credentials.count == 2, "\(report.findings.map { "\($0.detector.rawValue)@\($0.location)" })")
        #expect(credentials.allSatisfy { $0.location.detail?.hasPrefix("row ") == true })
        #expect(report.action == .quarantine)
    }

    @Test func theSameCellsUnderOtherHeadingsAreNotReadAsNamesOrPasswords() throws {
        let report = try scanCSV("Notes,Reference\r\nOkafor-Brennan Zoë,Kestrel33!\r\n")
        #expect(!report.findings.contains { $0.detector == .credential })
        #expect(!report.findings.contains { $0.detector == .pupilName && $0.location.detail == "row 2" })
    }

    @Test func aHeadingRowBelowAReportTitleStillNamesTheColumns() throws {
        let report = try scanCSV("Year 7 logins,\r\nPrinted 01/12/2026,\r\n,\r\nName,Password\r\nOkafor-Brennan Zoë,Kestrel33!\r\n")
        #expect(report.findings.contains { $0.detector == .credential && $0.location.detail == "row 5" },
                "\(report.findings.map { "\($0.detector.rawValue)@\($0.location)" })")
        #expect(report.findings.contains { $0.detector == .pupilName && $0.location.detail == "row 5" })
    }

    @Test func aHeadingWordFarDownATableIsDataNotAHeadingRow() throws {
        var csv = "Notes,Reference\r\n"
        for index in 1...8 { csv += "Trip \(index),TR-\(index)\r\n" }
        csv += "Name,Password\r\nOkafor-Brennan Zoë,Kestrel33!\r\n"
        let report = try scanCSV(csv)
        #expect(!report.findings.contains { $0.detector == .credential })
    }
}
