import ChaperoneModel
import Testing
@testable import RosterImport

/// Parental responsibility and contact restrictions read from CTF and from MIS CSV
/// headings (SIMS, Arbor, Bromcom), recorded per pupil on the merged contact.
@Suite struct ContactRightsImportTests {
    static func load(_ text: String, name: String) -> RosterImportResult {
        RosterImporter.importFiles([RosterSource(name: name, bytes: Array(text.utf8))], staff: nil)
    }

    static func contact(_ result: RosterImportResult, _ email: String) throws -> Contact {
        try #require(result.roster.contacts.first { $0.emails.contains(email) })
    }

    static let ctf = CTFImportTests.file("""
        <Pupil><UPN>B801200005001</UPN><Surname>Pemberton</Surname><Forename>Jonah</Forename>
          <Contacts>
            <Contact><Forename>Helen</Forename><Surname>Pemberton</Surname><Relationship>PAM</Relationship>
              <Responsibility>true</Responsibility><Email>helen@hotmail.co.uk</Email></Contact>
            <Contact><Forename>Gary</Forename><Surname>Pemberton</Surname><Relationship>PAF</Relationship>
              <Responsibility>true</Responsibility><CourtOrder>true</CourtOrder><Email>gary@gmail.com</Email></Contact>
            <Contact><Forename>Ann</Forename><Surname>Pike</Surname><Relationship>OTH</Relationship>
              <Responsibility>false</Responsibility><Email>ann.pike@outlook.com</Email></Contact>
            <Contact><Forename>Rob</Forename><Surname>Dale</Surname><Relationship>OTH</Relationship>
              <ContactRestrictions><Restriction><Type>Prohibited steps order</Type></Restriction></ContactRestrictions>
              <Email>rob.dale@example.net</Email></Contact>
          </Contacts>
        </Pupil>
        """)

    @Test func ctfResponsibilityAndRestrictionElements() throws {
        let result = Self.load(Self.ctf, name: "ctf.xml")
        #expect(result.problems.isEmpty, "\(result.problems)")
        let pupil = try #require(result.roster.students.first?.key)
        let mother = try Self.contact(result, "helen@hotmail.co.uk")
        #expect(mother.parentalResponsibility == [pupil: true] && mother.restrictedPupilKeys.isEmpty)
        let father = try Self.contact(result, "gary@gmail.com")
        #expect(father.restrictedPupilKeys == [pupil])
        #expect(try Self.contact(result, "ann.pike@outlook.com").parentalResponsibility == [pupil: false])
        #expect(try Self.contact(result, "rob.dale@example.net").restrictedPupilKeys == [pupil])
        #expect(result.roster.pupilKeys(ofContactAddress: "gary@gmail.com").isEmpty)
        #expect(result.roster.pupilKeys(ofContactAddress: "helen@hotmail.co.uk") == [pupil])
    }

    @Test(arguments: [
        ("Contact 1 Parental Responsibility", "Contact 1 Court Order"),            // SIMS
        ("Contact1HasParentalResponsibility", "Contact1ContactRestrictions"),      // Arbor
        ("Contact 1 Responsibility", "Contact 1 Legal Restrictions"),              // Bromcom
        ("contact_1_pr", "Contact 1 No Contact"),
    ])
    func csvHeadingsFromEachMIS(responsibility: String, restriction: String) throws {
        let text = """
            UPN,Surname,Forename,Contact 1 Name,Contact 1 Email,\(responsibility),\(restriction),Contact 2 Name,Contact 2 Email,Contact 2 Parental Responsibility
            A801200005002,Marsh,Ellie,Dean Marsh,dean@example.org,Yes,Y,Lee Carter,lee@example.com,No
            A801200005003,Marsh,Sam,Dean Marsh,dean@example.org,Yes,None,,,
            """
        let result = Self.load(text, name: "pupils.csv")
        #expect(result.unknownColumns.isEmpty, "\(result.unknownColumns)")
        let ellie = try #require(result.roster.students.first { $0.legalForename == "Ellie" }?.key)
        let sam = try #require(result.roster.students.first { $0.legalForename == "Sam" }?.key)
        let father = try Self.contact(result, "dean@example.org")
        #expect(father.pupilKeys == [ellie, sam])
        #expect(father.restrictedPupilKeys == [ellie])
        #expect(result.roster.pupilKeys(ofContactAddress: "dean@example.org") == [sam])
        #expect(try Self.contact(result, "lee@example.com").parentalResponsibility == [ellie: false])
    }

    @Test func restrictionWordsAndUnreadableResponsibility() throws {
        let text = """
            Surname,Forename,Contact 1 Name,Contact 1 Email,Contact 1 Court Order,Contact 1 Parental Responsibility
            Hale,Ava,A One,a1@example.net,Non-molestation order (see file),maybe
            Hale,Bea,B Two,b2@example.net,N/A,
            Hale,Cy,C Three,c3@example.net,false,TRUE
            """
        let result = Self.load(text, name: "pupils.csv")
        #expect(try Self.contact(result, "a1@example.net").restrictedPupilKeys.count == 1)
        #expect(try Self.contact(result, "b2@example.net").restrictedPupilKeys.isEmpty)
        #expect(try Self.contact(result, "c3@example.net").restrictedPupilKeys.isEmpty)
        #expect(try Self.contact(result, "a1@example.net").parentalResponsibility.isEmpty)
        #expect(result.problems.contains { $0.severity == .warning && $0.column == "Parental Responsibility" && $0.position == "line 2" })
    }
}
