import ChaperoneModel
import Foundation
import Testing

@Suite struct ActionTests {
    @Test func severityOrder() {
        #expect(Action.accept < .tag)
        #expect(Action.tag < .quarantine)
        #expect(Action.quarantine < .reject)
        #expect([Action.tag, .reject, .accept].max() == .reject)
    }

    @Test func sectionsSortNumerically() {
        #expect([Section.confidentiality, .internetUse, .unacceptableUse, .socialContact].sorted()
            == [.socialContact, .internetUse, .unacceptableUse, .confidentiality])
    }

    @Test func schoolDateRejectsImpossibleDates() {
        #expect(SchoolDate(year: 2013, month: 2, day: 29) == nil)
        #expect(SchoolDate(year: 2012, month: 2, day: 29) != nil)
        #expect(SchoolDate(year: 2012, month: 13, day: 1) == nil)
        #expect(SchoolDate(year: 2012, month: 4, day: 9)?.description == "2012-04-09")
    }
}

@Suite struct TextLocationTests {
    @Test(arguments: [
        TextLocation.header("subject"), .body("1.2"), .attachment("pupils.xlsx", partPath: "0", detail: "Sheet1!row 4"),
        .attachment("notes#1.txt", partPath: "0"), TextLocation(kind: .attachmentName, name: "x.zip"),
    ])
    func descriptionParsesBack(_ location: TextLocation) {
        #expect(TextLocation(parsing: location.description)?.description == location.description)
    }

    @Test func otherTextIsNotALocation() {
        #expect(TextLocation(parsing: "message") == nil)
        #expect(TextLocation(parsing: "part 1.2") == nil)
    }
}

@Suite struct DecisionIDTests {
    @Test(arguments: [
        (0.0, "19700101"), (951_782_400.0, "20000229"), (1_795_478_399.0, "20261123"),
        (1_795_478_400.0, "20261124"), (-86_400.0, "19691231"), (4_107_542_400.0, "21000301"),
    ])
    func carriesTheUTCDate(seconds: Double, stamp: String) {
        let id = ScanReport.newDecisionID(now: Date(timeIntervalSince1970: seconds))
        #expect(id.hasPrefix("CH-\(stamp)-"))
        #expect(id.count == 20)
    }

    @Test func idsDoNotRepeat() {
        let ids = (0..<1000).map { _ in ScanReport.newDecisionID() }
        #expect(Set(ids).count == ids.count)
    }
}
