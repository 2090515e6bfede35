import ChaperoneModel
@testable import Policy
import Testing

@Suite struct ConfigurationLoaderTests {
    @Test func readsEveryKeyAndResolvesRelativePaths() throws {
        let yaml = """
        school:
          name: Test School
          domains: [School.Example]
          partner_domains: [leeds.gov.uk]
          extra_webmail_domains: [mail.example]
          official_social_accounts: ["@SchoolPE", instagram.com/school]
          it_contact: the IT office (ext 201)
          safeguarding_lead: Ms A Lead
        roster:
          files: [roster/pupils.csv, /abs/ctf.xml]
          staff_file: roster/staff.csv
        thresholds: {bulk_pupils: 5, proximity_window: 200, minimum_confidence: 0.7}
        actions: {confidentiality: reject, partner_sensitive: accept}
        tagging: {header: X-Sens, subject_prefix: "[OFFICIAL-SENSITIVE]", trace_header: null}
        explanations:
          "7.2": Use the school drive.
        limits: {max_parts: 100, scan_deadline_seconds: 5}
        milter: {listen: "unix:/run/c.sock", fail_action: accept, progress_interval_seconds: 2, spool_directory: spool, idle_timeout_seconds: 30, max_connections: 20}
        store: {database: data/c.sqlite, quarantine_retention_days: 10, decision_retention_days: 100, group_commit_max_rows: 50, max_pending_rows: 900}
        release: {reinject_listener: "127.0.0.1:10027"}
        notifications: {enabled: false, from_address: c@school.example, submit_listener: "127.0.0.1:10026", alert_recipients: [dsl@school.example], alert_sections: ["3", "7.2"]}
        """
        let c = try ConfigurationLoader.load(yaml: yaml, source: "c.yaml", baseDirectory: "/etc/chaperone")
        #expect(c.school.domains == ["school.example"])
        #expect(c.school.officialSocialAccounts == ["@SchoolPE", "instagram.com/school"])
        #expect(c.roster.files == ["/etc/chaperone/roster/pupils.csv", "/abs/ctf.xml"])
        #expect(c.roster.staffFile == "/etc/chaperone/roster/staff.csv")
        #expect(c.thresholds.bulkPupils == 5 && c.thresholds.minimumConfidence == 0.7)
        #expect(c.actions.confidentiality == .reject && c.actions.partnerSensitive == .accept && c.actions.images == .quarantine)
        #expect(c.tagging.traceHeader == nil && c.tagging.subjectPrefix == "[OFFICIAL-SENSITIVE]")
        #expect(c.explanations[.unacceptableUse] == "Use the school drive.")
        #expect(c.limits.maxParts == 100 && c.limits.scanDeadlineSeconds == 5)
        #expect(c.milter.failAction == .accept && c.milter.spoolDirectory == "/etc/chaperone/spool")
        #expect(c.store.database == "/etc/chaperone/data/c.sqlite")
        #expect(c.release.reinjectListener == "127.0.0.1:10027")
        #expect(c.milter.idleTimeoutSeconds == 30 && c.milter.maxConnections == 20)
        #expect(c.store.groupCommitMaxRows == 50 && c.store.maxPendingRows == 900)
        #expect(c.notifications.alertSections == [.socialContact, .unacceptableUse])
    }

    @Test(arguments: [
        ("school:\n  domains: [a.example]\n  nmae: X\n", 3, "unknown key 'nmae'"),
        ("school:\n  domains: [a.example]\nthresholds:\n  bulk_pupils: lots\n", 4, "expected a whole number"),
        ("school:\n  domains: [a.example]\nthresholds:\n  bulk_pupils: 1\n", 4, "out of range"),
        ("school:\n  domains: [a.example]\nactions:\n  images: delete\n", 4, "'delete' is not one of: accept, tag, quarantine, reject"),
        ("school:\n  domains: [a.example]\nmilter:\n  listen: 127.0.0.1:8891\n", 4, "is not a listen address"),
        ("school:\n  domains: [a.example]\nnotifications:\n  alert_sections: [\"9\"]\n", 4, "not an enforced section"),
        ("school:\n  domains: [a.example\n", 3, "YAML syntax"),
        ("school:\n  name: X\n", 1, "school.domains is empty"),
        ("school:\n  domains: [\"me@a.example\"]\n", 1, "is not a domain name"),
        ("school:\n  domains: [a.example]\n  domains: [b.example]\n", 2, "duplicated key"),
        ("school:\n  domains: [a.example]\nrelease:\n  postfix_config_directory: /etc/postfix\n", 4, "no longer used"),
        ("school:\n  domains: [a.example]\nmilter:\n  max_connections: 0\n", 4, "out of range"),
        ("school:\n  domains: [a.example]\nimages:\n  unknown_consent:\n    parents: maybe\n", 5, "'maybe' is not one of"),
        ("school:\n  domains: [a.example]\nimages:\n  unknown_consent:\n    press: hold\n", 5, "unknown key 'press'"),
        ("school:\n  domains: [a.example]\nroster:\n  consent_columns:\n    Photos: newsletters\n", 5,
         "'newsletters' is not one of: school_publications, website, press_and_media"),
        ("school:\n  domains: [a.example]\nroster:\n  consent_columns:\n    Photos: [website, tv]\n", 5, "'tv' is not one of"),
        ("school:\n  domains: [a.example]\nroster:\n  consent_columns: [Photos]\n", 4, "expected MIS headings"),
    ])
    func reportsProblemsWithTheirLine(yaml: String, line: Int, fragment: String) {
        #expect {
            _ = try ConfigurationLoader.load(yaml: yaml, source: "bad.yaml")
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.line == line && error.description.contains(fragment) && error.description.hasPrefix("bad.yaml:")
        }
    }

    @Test func imagesAndConsentColumnsAreRead() throws {
        let yaml = """
        school:
          domains: [a.example]
        roster:
          consent_columns:
            "Celebration Film": [school_publications, website]
            "Media Permission": press_and_media
            "Sun Cream Permission": []
        images:
          unknown_consent: {parents: tag, internal: quarantine, outside: reject}
          review_press_images: true
          decoration_max_side_pixels: 100
          banner_min_aspect_ratio: 4.5
          decoration_max_bytes: 2048
        """
        let c = try ConfigurationLoader.load(yaml: yaml)
        #expect(c.roster.consentColumns == ["Celebration Film": [.schoolPublications, .website],
                                            "Media Permission": [.pressAndMedia], "Sun Cream Permission": []])
        #expect(c.images.unknownConsent.parents == .tag && c.images.unknownConsent.internalRecipients == .quarantine)
        #expect(c.images.unknownConsent.outside == .reject && c.images.reviewPressImages)
        #expect(c.images.decorationMaxSidePixels == 100 && c.images.bannerMinAspectRatio == 4.5 && c.images.decorationMaxBytes == 2048)
        let defaults = Configuration.Images()
        #expect(defaults.unknownConsent.parents == .quarantine && defaults.unknownConsent.internalRecipients == .accept)
        #expect(defaults.unknownConsent.outside == .quarantine && !defaults.reviewPressImages)
    }

    @Test func emptyDocumentIsDefaults() throws {
        #expect(try ConfigurationLoader.load(yaml: "") == Configuration())
    }
}

/// The `expansion` section and the parental-responsibility action.
@Suite struct ExpansionConfigurationTests {
    @Test func everyKeyIsReadAndPathsAreResolved() throws {
        let configuration = try ConfigurationLoader.load(yaml: """
            school: {domains: [school.example]}
            actions: {without_parental_responsibility: tag}
            expansion:
              postfix_config_directory: /etc/postfix
              list_file: lists.txt
              max_depth: 5
              max_addresses: 300
              cache_seconds: 30
              cache_entries: 1000
              lookup_timeout_seconds: 2
              max_list_bytes: 65536
            """, baseDirectory: "/etc/chaperone")
        #expect(configuration.actions.withoutParentalResponsibility == .tag)
        #expect(configuration.expansion.postfixConfigDirectory == "/etc/postfix")
        #expect(configuration.expansion.listFile == "/etc/chaperone/lists.txt")
        #expect(configuration.expansion.maxDepth == 5)
        #expect(configuration.expansion.maxAddresses == 300)
        #expect(configuration.expansion.cacheSeconds == 30)
        #expect(configuration.expansion.cacheEntries == 1000)
        #expect(configuration.expansion.lookupTimeoutSeconds == 2)
        #expect(configuration.expansion.maxListBytes == 65536)
    }

    @Test func defaultsLeaveExpansionOffAndOutOfRangeValuesSayWhere() throws {
        let defaults = try ConfigurationLoader.load(yaml: "school: {domains: [school.example]}")
        #expect(!defaults.expansion.isEnabled)
        #expect(defaults.actions.withoutParentalResponsibility == .quarantine)
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(yaml: "school: {domains: [school.example]}\nexpansion: {max_depth: 0}")
        }
        do {
            _ = try ConfigurationLoader.load(yaml: "school: {domains: [school.example]}\nexpansion:\n  max_adresses: 3\n")
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.line == 3)
            #expect(error.message.contains("max_addresses"))
        }
    }
}
