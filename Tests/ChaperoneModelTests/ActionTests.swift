import ChaperoneModel
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
