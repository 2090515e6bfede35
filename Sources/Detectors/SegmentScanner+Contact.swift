import ChaperoneModel

extension SegmentScanner {
    /// Email addresses: a roster pupil's or contact's address is pupil data (and a
    /// reference to the pupils it is linked to); any other personal-webmail address is
    /// a personal contact detail.
    mutating func scanEmails() {
        for hit in EmailScanner(bytes: bytes).scan() {
            if let students = index.studentsByEmail[hit.address], !students.isEmpty {
                let unique = students.count == 1 ? students[0] : nil
                // Whether it is a contact's address is asked only for a finding the cap keeps.
                emit(.pupilEmail, Redaction.email(hit.address), 0.95, pupil: unique,
                     detail: index.contactEmails.contains(hit.address) ? "contact of \(students.count) pupil(s)" : nil)
                for student in students {
                    references.append(PupilReference(identity: index.identity(ofStudent: student), student: student,
                                                     range: hit.range, confidence: 0.95))
                }
            } else {
                let domain = hit.domain
                if settings.webmailDomains.contains(domain) { emit(.personalEmail, Redaction.email(hit.address), 0.8, detail: domain) }
            }
        }
    }

    /// Mobile numbers, social-media handles and links, and shared credentials.
    mutating func scanContactDetails() {
        for hit in PhoneScanner(bytes: bytes, tokens: tokens).scan() {
            emit(.mobileNumber, Redaction.phone(hit.digits), 0.8)
        }
        let words = ContactWords(bytes: bytes, tokens: tokens)
        for hit in SocialMediaScanner(bytes: bytes, tokens: tokens, words: words).scan()
        where !settings.officialSocialAccounts.contains(DetectionSettings.handle(ofAccount: hit.handle)) {
            emit(.socialMedia, hit.platform + (hit.isLink ? " link /" : " @") + Redaction.secret(hit.handle), hit.isLink ? 0.7 : 0.8, detail: hit.platform)
        }
        for hit in ContactInvitationScanner(bytes: bytes, tokens: tokens, words: words).scan() {
            if let platform = hit.platform {
                emit(.socialMedia, "invitation to connect (\(platform))", 0.8, detail: platform)
            } else {
                emit(.privateContact, "invitation to text or call a personal phone", 0.8)
            }
        }
        for hit in PrivateContactScanner(bytes: bytes, tokens: tokens, words: words).scan() {
            emit(.privateContact, hit.label, 0.8)
        }
        let credentials = CredentialScanner(bytes: bytes, tokens: tokens, words: words)
        let hits = credentials.scan()
        for hit in hits {
            emit(.credential, hit.keyword + ": ****", 0.85)
        }
        if hits.isEmpty, !columns.secrets.isEmpty {
            var start = 0
            for (cell, position) in (bytes.indices.filter { bytes[$0] == 9 } + [bytes.count]).enumerated() {
                defer { start = position + 1 }
                guard let strict = columns.secrets[cell] else { continue }
                var lower = start, upper = position
                while lower < upper, bytes[lower] == 32 || bytes[lower] == 34 { lower += 1 }
                while upper > lower, bytes[upper - 1] == 32 || bytes[upper - 1] == 34 || bytes[upper - 1] == 13 { upper -= 1 }
                if credentials.cellIsSecret(lower..<upper, strict: strict) {
                    emit(.credential, "password column: ****", 0.85)
                    break
                }
            }
        }
    }

    /// Dates wait for a nearby pupil reference before they mean anything.
    mutating func scanDates() {
        for hit in DateScanner(bytes: bytes, tokens: tokens).scan() {
            mentions.append(SensitiveMention(kind: .date(hit), range: hit.range))
        }
    }
}
