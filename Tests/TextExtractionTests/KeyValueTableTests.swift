import ChaperoneModel
import Testing
@testable import TextExtraction

/// A one-field-per-row table is one record; a list under a header row is not.
@Suite struct KeyValueTableTests {
    @Test func htmlKeyValueTableIsOneRecord() {
        let segments = Extraction.html("""
            <p>Details below.</p><table><tr><td>Name:</td><td>Amara Okafor</td></tr>
            <tr><td>Date of birth</td><td>04/09/2012</td></tr><tr><td>Form</td><td>8C</td></tr></table>
            """)
        let rows = segments.filter { $0.role == .tableRow }
        #expect(rows.map(\.text) == ["Name:\tAmara Okafor\tDate of birth\t04/09/2012\tForm\t8C"])
        #expect(rows.first?.row == nil)
    }

    @Test func listUnderAHeaderRowKeepsItsRows() {
        let segments = Extraction.html("""
            <table><tr><td>Name</td><td>Form</td></tr><tr><td>Amara Okafor</td><td>8C</td></tr>
            <tr><td>Sam Sample</td><td>8D</td></tr></table>
            """)
        #expect(segments.filter { $0.role == .tableRow }.count == 3)
    }

    @Test func widerTablesAreNeverMerged() {
        #expect(!KeyValueTable.isKeyValue([["Name", "Amara", "x"], ["DOB", "04/09/2012"]]))
        #expect(!KeyValueTable.isKeyValue([["Name", "Amara"]]))
        #expect(KeyValueTable.isKeyValue([["Pupil", "Amara Okafor"], ["D.O.B.", "04/09/2012"], ["Medical", ""]].map { $0.filter { !$0.isEmpty } }))
    }
}
