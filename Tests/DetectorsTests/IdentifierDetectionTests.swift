import ChaperoneModel
import Testing
@testable import Detectors

@Suite struct IdentifierDetectionTests {
    @Test func rosterUPNIsLinkedWithFullConfidence() throws {
        let finding = try #require(TestSchool.findings("Pupil B801200005001 moved.").first { $0.detector == .upn })
        #expect(finding.pupil == "B801200005001")
        #expect(finding.confidence == 1)
        #expect(finding.evidence == "B8012…1")
    }

    @Test func unknownValidUPNIsReportedUnlinked() throws {
        let finding = try #require(TestSchool.findings("UPN: D936100225431").first { $0.detector == .upn })
        #expect(finding.pupil == nil)
        #expect(finding.confidence >= 0.9)
    }

    @Test func temporaryUPNSaysSo() {
        #expect(TestSchool.findings("A80120000501A").first?.detail == "temporary UPN")
    }

    @Test(arguments: ["A801200005001", "Order ref B80120000500", "I801200005001", "XB801200005001", "E000200005001"])
    func lookAlikesAreNotUPNs(text: String) {
        #expect(!TestSchool.kinds(text).contains(.upn))
    }

    @Test func bareULNIsLowConfidenceButULNWithContextIsHigh() throws {
        let bare = try #require(TestSchool.findings("Ticket 1234567899 closed").first { $0.detector == .uln })
        #expect(bare.confidence < 0.6)
        let context = try #require(TestSchool.findings("Her ULN is 1234567899.").first { $0.detector == .uln })
        #expect(context.confidence >= 0.8)
        let roster = try #require(TestSchool.findings("9276308686").first { $0.detector == .uln })
        #expect(roster.pupil == "B801200005001")
    }

    @Test func nhsNumberNeedsContextOrGrouping() throws {
        let bare = try #require(TestSchool.findings("id 4010232137").first { $0.detector == .nhsNumber })
        #expect(bare.confidence < 0.6)
        let grouped = try #require(TestSchool.findings("401 023 2137").first { $0.detector == .nhsNumber })
        #expect(grouped.confidence >= 0.6)
        let context = try #require(TestSchool.findings("NHS number 401-023-2137").first { $0.detector == .nhsNumber })
        #expect(context.confidence >= 0.85)
        let test = try #require(TestSchool.findings("NHS no 943 476 5870").first { $0.detector == .nhsNumber })
        #expect(test.detail == "test range")
        #expect(!TestSchool.kinds("NHS 401-023-2138").contains(.nhsNumber))
    }

    @Test func nationalInsuranceNumbers() throws {
        let spaced = try #require(TestSchool.findings("NI number AB 12 34 56 C").first { $0.detector == .nationalInsurance })
        #expect(spaced.confidence >= 0.9)
        #expect(TestSchool.kinds("tw987654a").contains(.nationalInsurance))
        #expect(!TestSchool.kinds("example QQ 12 34 56 A").contains(.nationalInsurance))
        #expect(!TestSchool.kinds("BG123456A").contains(.nationalInsurance))
    }
}
