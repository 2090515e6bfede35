import ChaperoneModel
import Testing
@testable import RosterImport

/// The byte-level readings that roster import uses for ASCII values give what the
/// Character-level readings give, and the pupil key is the one every earlier release
/// made (keys are stored with decisions, so they must never change).
@Suite struct ByteReadingTests {
    @Test(arguments: [
        "14/03/2012", "1/3/12", "14-03-2012", "14.03.2012", "2012-03-14", "2012-03-14T00:00:00", "14/03/2012 00:00",
        "  14/03/2012", "T14/03/2012", "14//03/2012", "+14/03/2012", "14/03/+", "14/03", "14/03/2012/1", "141/03/2012",
        "14/03/20123", "14/03/41", "14/03/40", "99999999999999999999/1/2012", "", " ", "/-.", "14/3/2012\r\n",
        "14/03/２０１２", "14/03/2012 ５", "a/b/c", "2012-3-4",
    ])
    func datesReadAsBefore(text: String) {
        #expect(RosterDate.parse(text) == RosterDate.parseCharacters(text))
    }

    @Test func pupilKeyIsStable() {
        // Values of the original implementation (interpolated string, hex, padded, upper-cased).
        #expect(PupilKey.pseudonym(forUPN: "B801200005001") == "P-BA7CD7B8128A")
        #expect(PupilKey.pseudonym(forUPN: "A123") == "P-9AF14588DE7C")
    }

    @Test func singleValuesSplitAsBefore() {
        #expect(RosterText.list("  jp@gmail.com ") == ["jp@gmail.com"])
        #expect(RosterText.list("a@x.org; b@y.com") == ["a@x.org", "b@y.com"])
        #expect(RosterText.list("\u{00A0}") == [])
        #expect(RosterText.addressLines("17 Larchfield Road") == ["17 Larchfield Road"])
        #expect(RosterText.addressLines("17 Larchfield Road, Moortown") == ["17 Larchfield Road", "Moortown"])
        #expect(RosterText.addressLines(" \t") == [])
    }
}
