import ChaperoneModel
import Testing
@testable import Policy

/// A school of a trust reading the trust's `KnownAddressFilter` classifies every
/// recipient and sender exactly as it does alone: the filter only skips lookups that
/// would find nothing. Probed with every address any school's roster holds (in other
/// cases, with brackets and blanks, in canonically equal spellings), the schools' own,
/// pupil and partner domains and their subdomains, webmail and unknown addresses.
@Suite struct KnownAddressSharingTests {
    static func school(_ number: Int) -> (configuration: Configuration, roster: Roster) {
        var configuration = Configuration()
        configuration.school.name = "School \(number)"
        configuration.school.domains = ["school\(number).example", "School\(number).Sch.UK"]
        configuration.senders.pupilDomains = ["pupils.school\(number).example"]
        configuration.school.partnerDomains = ["leeds.gov.uk", "Partner\(number).example"]
        var students: [Student] = [], contacts: [Contact] = []
        for index in 0..<40 {
            let key = "S\(number)-\(index)"
            // Pupils of different schools share some addresses, and some are not ASCII.
            let shared = index % 5 == 0 ? "shared\(index)" : "p\(number)x\(index)"
            let local = index % 7 == 0 ? "\u{212A}ay\(index)" : index % 11 == 0 ? "zoë\(index)" : shared
            students.append(Student(key: key, legalForename: "A", surname: "B", schoolEmail: "\(local)@pupils.school\(number).example",
                                    personalEmails: index % 3 == 0 ? ["\(shared).Home@gmail.com"] : [], contactKeys: ["C\(number)-\(index)"]))
            var contact = Contact(key: "C\(number)-\(index)", name: "C", emails: ["parent.\(shared)@Example.org"], pupilKeys: [key])
            if index % 6 == 0 { contact.restrictedPupilKeys = [key] }
            contacts.append(contact)
        }
        let staff = (0..<8).map { StaffMember(email: "t\($0)@school\(number).example", name: "T", personalEmails: ["t\($0).s\(number)@yahoo.co.uk"]) }
        return (configuration, Roster(students: students, contacts: contacts, staff: staff))
    }

    @Test func classificationsAndSenderRolesAreTheSameWithTheTrustsFilter() {
        let schools = (0..<3).map(Self.school)
        let filter = KnownAddressFilter(schools.map(\.roster), domains: schools.flatMap { school in
            PolicyEngine(configuration: school.configuration, roster: school.roster, webmailDomains: PolicyFixtures.webmail).classifier.matchedDomains
        })
        var addresses: [String] = []
        for (configuration, roster) in schools {
            roster.pupilsByEmail.forEach { address, _ in addresses.append(address) }
            roster.contactsByEmail.forEach { address, _ in addresses.append(address) }
            addresses += Array(roster.staffByPersonalEmail.keys) + Array(roster.staffByEmail.keys)
            for domain in configuration.school.domains + configuration.senders.pupilDomains + configuration.school.partnerDomains {
                addresses += ["head@" + domain, "x@mail." + domain, "x@" + domain + ".", "y@not" + domain, "z@" + domain + ".org"]
            }
        }
        addresses += (0..<200).map { "club\($0)@league\($0 % 9).example" } + ["someone@gmail.com", "", "@", "nobody", "日本@例え.jp"]
        var probes = addresses.flatMap { [$0, $0.uppercased(), " <\($0)> ", $0.replacingOccurrences(of: "k", with: "\u{212A}")] }
        probes += addresses.map { $0.replacingOccurrences(of: "\u{212A}", with: "K") }
        var checked = 0, classes: Set<RecipientClass> = [], staffPersonal = 0, restricted = 0
        for (configuration, roster) in schools {
            let alone = PolicyEngine(configuration: configuration, roster: roster, webmailDomains: PolicyFixtures.webmail)
            let sharing = alone.sharing(filter)
            #expect(sharing.classifier.knownAddresses == filter && sharing.senders.knownAddresses == filter)
            let sender = "t0@school\(configuration.school.name.last!).example"
            for probe in probes {
                let own = alone.classifier.classify(probe, sender: sender)
                #expect(sharing.classifier.classify(probe, sender: sender) == own, "\(configuration.school.name): \(probe.debugDescription)")
                classes.insert(own.recipientClass)
                if own.isStaffPersonalAddress { staffPersonal += 1 }
                let normalised = RecipientClassifier.normalise(probe)
                let rights = alone.classifier.contactRights(ofAddress: normalised)
                if rights.isLimited { restricted += 1 }
                #expect(sharing.classifier.contactRights(ofAddress: normalised) == rights)
                for envelope in [Envelope(sender: probe, recipients: ["x@club.example"]),
                                 Envelope(sender: "x@club.example", recipients: ["y@club.example"], authenticatedUser: probe)] {
                    #expect(sharing.senders.role(of: envelope) == alone.senders.role(of: envelope), "\(probe.debugDescription)")
                }
                checked += 1
            }
        }
        // The probes reach every class the filter gates, not only external.
        #expect(checked > 3_000)
        #expect(classes == Set(RecipientClass.allCases))
        #expect(staffPersonal > 0 && restricted > 0)
    }
}
