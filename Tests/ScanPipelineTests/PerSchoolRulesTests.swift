import ChaperoneModel
import RosterImport
import ScanPipeline
import Testing

/// Each school's own recipient classes, roster and overrides (samples/trust.yaml), and a
/// reload that rebuilds only the school whose files changed.
@Suite struct PerSchoolRulesTests {
    static func classes(of recipients: [String], from sender: String, _ trust: SchoolPipelines) throws -> [RecipientClass] {
        let message = Array("Subject: hello\r\n\r\nHello.\r\n".utf8)
        return try trust.scan(message: message, envelope: Envelope(sender: sender, recipients: recipients)).recipients.map(\.recipientClass)
    }

    @Test func anotherSchoolIsExternalUnlessListedAsPartner() throws {
        let trust = try TrustRuntime.pipelines()
        // Ash Grove lists Ralph Thoresby as a partner school; Ralph Thoresby does not list Ash Grove.
        #expect(try Self.classes(of: ["h.marsh@ralphthoresby.example"], from: "senco@ashgrove.example", trust) == [.partner])
        #expect(try Self.classes(of: ["senco@ashgrove.example"], from: "h.marsh@ralphthoresby.example", trust) == [.external])
        // A pupil's school address is a student to their own school, external to the other.
        #expect(try Self.classes(of: ["mashworth@pupils.ashgrove.example"], from: "r.okonjo@ashgrove.example", trust) == [.student])
        #expect(try Self.classes(of: ["mashworth@pupils.ashgrove.example"], from: "t.hargreaves@ralphthoresby.example", trust) == [.external])
        // Shared partners stay partners for both.
        #expect(try Self.classes(of: ["j.baxter@leeds.gov.uk"], from: "t.hargreaves@ralphthoresby.example", trust) == [.partner])
        #expect(try Self.classes(of: ["j.baxter@leeds.gov.uk"], from: "r.okonjo@ashgrove.example", trust) == [.partner])
    }

    @Test func eachSchoolMatchesItsOwnRosterOnly() throws {
        let trust = try TrustRuntime.pipelines()
        let text = Array("Subject: swimming\r\n\r\nAlfie Pennington (DOB 08/01/2014) has an EHCP for autism.\r\n".utf8)
        let ash = try trust.scan(message: text, envelope: Envelope(sender: "r.okonjo@ashgrove.example", recipients: ["coach@club.example"]))
        #expect(ash.action == .quarantine && ash.sections == [.confidentiality])
        #expect(ash.findings.contains { $0.pupil != nil })
        let rt = try trust.scan(message: text, envelope: Envelope(sender: "t.hargreaves@ralphthoresby.example", recipients: ["coach@club.example"]))
        #expect(!rt.findings.contains { $0.pupil != nil })
        #expect(ash.explanation.contains("Ash Grove Primary School"))
    }

    @Test func aReloadRebuildsOnlyTheSchoolThatChanged() throws {
        let configuration = try TrustRuntime.configuration()
        let first = try TrustRuntime.loaded(configuration)
        #expect(first.allSatisfy { !$0.reused })
        let same = try TrustRuntime.loaded(configuration, previous: first)
        #expect(same.allSatisfy { $0.reused })
        // Ash Grove's nightly export gains a line: only Ash Grove is rebuilt.
        var files = try TrustRuntime.files(configuration)
        let ash = try #require(files.firstIndex { $0.id == "ash-grove" })
        var rosters = files[ash].rosters
        rosters[0].bytes += Array("U383470016399,Nowak,Kacper,01/02/2016,M,4,4A,,,,,LS15 1AA,N,,,,,\n".utf8)
        files[ash] = SchoolRosterFiles(id: "ash-grove", configuration: files[ash].configuration, rosters: rosters, staff: files[ash].staff)
        let reloaded = try SchoolPipelines.load(files, previous: first).map { try $0.get() }
        #expect(reloaded.map(\.reused) == [true, false])
        #expect(reloaded[1].rosterReport.roster.students.count == first[1].rosterReport.roster.students.count + 1)
        // A changed override rebuilds that school too.
        let edited = try TrustRuntime.configuration { $0 = $0.replacingOccurrences(of: "bulk_pupils: 5", with: "bulk_pupils: 6") }
        #expect(try TrustRuntime.loaded(edited, previous: first).map(\.reused) == [true, false])
    }

    @Test func aBrokenRosterNamesItsSchool() throws {
        let configuration = try TrustRuntime.configuration()
        var files = try TrustRuntime.files(configuration)
        files[1] = SchoolRosterFiles(id: "ash-grove", configuration: files[1].configuration,
                                     rosters: [RosterSource(name: "ash.csv", bytes: Array("nothing,useful\n".utf8))], staff: nil)
        let results = SchoolPipelines.load(files)
        guard case .failure(let error) = results[1] else {
            Issue.record("a roster with no pupils loaded")
            return
        }
        #expect(error.description.hasPrefix("school 'ash-grove' (Ash Grove Primary School): the roster could not be loaded"))
        #expect((try? results[0].get()) != nil)
    }
}
