import Foundation
import Testing

/// Issue 21 "Done when", through `chaperone scan --json` and `chaperone roster check`
/// as a technician runs them on the samples: the sample roster carries SIMS-style
/// consent columns (Oliver Okafor: publications given, press not asked; Sofia Okonkwo:
/// refused; Tia Naylor: not returned; Ava Mensah: everything granted), and samples
/// 85-94 are newsletter-style HTML with cid: images made by ImageMagick.
@Suite struct ImageConsentScanTests {
    struct Verdict {
        var action: String
        var sections: [String]
        var explanation: String
        var detectors: [String]
    }

    static func scan(_ sample: String, _ extra: [String] = []) throws -> Verdict {
        let run = try ScanCommandTests.scan(["--json", "--config", "samples/chaperone.yaml"] + extra + ["samples/messages/" + sample])
        #expect(run.status == 0 || run.status == 1, "\(run.errors)")
        let data = Data(try #require(run.output.split(separator: "\n").first).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let findings = object["findings"] as? [[String: Any]] ?? []
        return Verdict(action: object["action"] as? String ?? "", sections: object["sections"] as? [String] ?? [],
                       explanation: object["explanation"] as? String ?? "",
                       detectors: findings.compactMap { $0["detector"] as? String })
    }

    @Test func theSportsDayNewsletterToFortyFamiliesFollowsTheNamedPupilsConsent() throws {
        let given = try Self.scan("85-newsletter-photo-consent-given.eml")
        #expect(given.action == "accept", "\(given.explanation)")
        #expect(given.detectors.contains("image-attachment") && given.detectors.contains("decorative-image"))

        let refused = try Self.scan("86-newsletter-photo-consent-refused.eml")
        #expect(refused.action == "quarantine" && refused.sections == ["5"])
        #expect(refused.explanation.contains("the student named has refused consent for school publications"), "\(refused.explanation)")
        #expect(refused.explanation.contains("Check the school's consent list"))
        #expect(!refused.explanation.contains("Okonkwo") && !refused.explanation.contains("S*** O"), "never who")

        let unknown = try Self.scan("87-newsletter-photo-consent-unknown.eml")
        #expect(unknown.action == "quarantine" && unknown.sections == ["5"])
        #expect(unknown.explanation.contains("the student named has no consent recorded for school publications"))
    }

    @Test func theSamePhotoToANewspaperNeedsPressConsent() throws {
        let held = try Self.scan("88-newsletter-photo-to-newspaper.eml")
        #expect(held.action == "quarantine" && held.sections == ["5"])
        #expect(held.explanation.contains("outside the school, and the student named has no consent recorded for the press and media"),
                "\(held.explanation)")
        let refused = try Self.scan("25-photo-to-newspaper.eml")
        #expect(refused.action == "quarantine")
        #expect(refused.explanation.contains("has refused consent for the press and media"))
        #expect(try Self.scan("93-photo-to-newspaper-press-consent.eml").action == "accept")
    }

    @Test func toAStaffMembersPersonalAddressItIsHeldRegardless() throws {
        let held = try Self.scan("89-newsletter-photo-to-personal-address.eml")
        #expect(held.action == "quarantine" && held.sections == ["5", "7.2"])
        // The same newsletter, to the same address, names a pupil with every consent.
        let consenting = try Self.scan("93-photo-to-newspaper-press-consent.eml",
                                       ["--from", "h.marsh@ralphthoresby.example", "--rcpt", "helen.marsh.home@gmail.com"])
        #expect(consenting.action == "quarantine" && consenting.sections.contains("5"))
    }

    @Test func aCommendationListOfTwelveConsentingPupilsToFamiliesIsAccepted() throws {
        let list = try Self.scan("90-commendation-list-to-parents.eml")
        #expect(list.action == "accept", "\(list.explanation)")
        #expect(list.detectors.contains("bulk-pupil-data"), "still counted, as a publication")
        let missing = try Self.scan("91-commendation-list-consent-missing.eml")
        #expect(missing.action == "quarantine" && missing.sections == ["8"])
        #expect(missing.explanation.contains("of the 12 students named, 1 has refused consent and 1 has no consent recorded"))
        let records = try Self.scan("94-class-list-with-dobs-to-parents.eml")
        #expect(records.action == "quarantine" && records.sections == ["8"])
        // A list of names to an outside organisation is still bulk pupil data.
        let outside = try Self.scan("90-commendation-list-to-parents.eml", ["--rcpt", "coach@leedsharriers.example"])
        #expect(outside.action == "quarantine" && outside.sections == ["8"])
    }

    @Test func logosIconsAndALetterheadAreNotPhotos() throws {
        let verdict = try Self.scan("92-newsletter-logos-only.eml")
        #expect(verdict.action == "accept", "\(verdict.explanation)")
        #expect(verdict.detectors.filter { $0 == "decorative-image" }.count == 3)
        #expect(!verdict.detectors.contains("image-attachment"))
    }

    @Test func rosterCheckReportsConsentPerPurposeAndTheHeadingsItSkipped() throws {
        let run = try ScanExpansionCommandTests.run(["roster", "check", "--json", "--config", "samples/chaperone.yaml"])
        #expect(run.status == 0, "\(run.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let consent = try #require(object["consent"] as? [String: [String: Int]])
        let pupils = try #require(object["pupils"] as? Int)
        for purpose in ["school_publications", "website", "press_and_media"] {
            let counts = try #require(consent[purpose])
            #expect((counts["granted"] ?? 0) + (counts["refused"] ?? 0) + (counts["unknown"] ?? 0) == pupils)
        }
        #expect(consent["school_publications"]?["refused"] == 1)
        #expect(consent["press_and_media"]?["refused"] == 2)
        #expect((consent["school_publications"]?["granted"] ?? 0) > 50)
        let skipped = try #require(object["skipped_consent_columns"] as? [[String: String]])
        #expect(skipped.contains { $0["heading"] == "Consent: School Trips" && $0["file"] == "pupils.csv" })
        let read = try #require(object["consent_columns"] as? [[String: Any]])
        #expect(read.contains { $0["heading"] as? String == "Consent: Photos in Press/Media" })
        let text = try ScanExpansionCommandTests.run(["roster", "check", "--config", "samples/chaperone.yaml"])
        #expect(text.output.contains("image consent (granted / refused / unknown):"), "\(text.output)")
        #expect(text.output.contains("  school_publications: "))
        #expect(text.output.contains("skipped consent columns in pupils.csv"))
    }
}
