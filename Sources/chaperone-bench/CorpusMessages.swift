import Foundation

/// The kinds of message in the benchmark corpus, in the proportions issue 11 measured
/// school mail with: about 35 % text/plain, 50 % multipart/alternative, 7 % CSV
/// attachments of pupil rows, 7 % PDF letters (the last 1 % plain replies with a quoted thread).
enum CorpusMessageKind: String, CaseIterable {
    case plain, alternative, csv, pdf, reply

    /// The kind of message `index`, from a fixed cycle of 100 so any prefix of the
    /// corpus has about the same mix.
    static func of(_ index: Int) -> CorpusMessageKind {
        let slot = (index &* 37) % 100
        switch slot {
        case 0..<35: return .plain
        case 35..<85: return .alternative
        case 85..<92: return .csv
        case 92..<99: return .pdf
        default: return .reply
        }
    }
}

/// Builds one corpus message: ordinary school mail (trips, homework, reports, clubs),
/// some naming a pupil to the pupil's parent, some lists of pupils inside the school,
/// some to partners, and now and then pupil data sent where it should not go.
struct CorpusMessageBuilder {
    /// Pupils messages may name (the first 2,000 of any roster).
    let pupils: [CorpusPupil]
    var random: CorpusRandom
    /// The school's domain: its staff's addresses, message ids and links.
    var schoolDomain = CorpusPeople.schoolDomain

    static let topics = [
        "Year 9 trip to the science museum", "Homework club this week", "Parents' evening appointments",
        "Reading scheme books", "Football fixture postponed", "Options evening", "Music lessons timetable",
        "Lost property", "Uniform reminder", "Department meeting agenda", "Cover for period 3",
        "Sports day volunteers", "Library opening hours", "Coursework deadline", "Christmas concert tickets",
    ]
    static let sentences = [
        "Please remember that the coach leaves at 8.30 on Thursday morning and returns by 4pm.",
        "The options evening has been moved to the main hall, and parking on site is limited.",
        "Thank you for your help with the reading scheme; the new books arrive next week.",
        "Could you send me the updated timetable before the department meeting on Monday?",
        "Reports are due by Friday and the moderation meeting is in room 12 after school.",
        "The fixture against Moorside has been postponed because the pitch is waterlogged.",
        "Homework is set on the usual platform every Tuesday and is due the following week.",
        "We are looking for volunteers to help with refreshments at the summer fair.",
        "Lessons will finish at the normal time on the last day of term.",
        "If you have any questions, please contact the school office in the first instance.",
        "The canteen menu for next half term is attached to the newsletter on the website.",
        "Tickets for the concert are free and can be collected from reception from Monday.",
        "Please make sure that all coats and bags are clearly labelled with a name.",
        "The mock examinations start on 12 January; a revision timetable will follow shortly.",
    ]

    /// The message `index` of the corpus as bytes (CRLF line ends).
    mutating func message(_ index: Int) -> [UInt8] {
        let kind = CorpusMessageKind.of(index)
        let pupil = pupils[random.below(pupils.count)]
        let staffName = random.pick(CorpusPeople.staffNames)
        let staff = CorpusPeople.staffAddress(staffName, domain: schoolDomain)
        let topic = random.pick(Self.topics)
        var headers = [
            "From: \(staffName) <\(staff)>",
            "To: \(recipient(kind: kind, pupil: pupil))",
            "Subject: \(kind == .reply ? "Re: " : "")\(topic)",
            "Date: Tue, 24 Nov 2026 \(10 + index % 8):\(String(format: "%02d", index % 60)):00 +0000",
            "Message-ID: <corpus-\(index)@\(schoolDomain)>",
            "MIME-Version: 1.0",
        ]
        let greeting = kind == .csv ? "Hello," : "Dear \(random.chance(50) ? "Parent or Carer" : pupil.parentName),"
        var prose = [greeting, ""] + paragraphs(count: 4 + random.below(8), pupil: pupil) + ["", "Kind regards,", staffName, "Oakfield School"]
        if kind == .reply { prose += quotedThread() }
        let text = prose.joined(separator: "\r\n")
        let body: String
        switch kind {
        case .plain, .reply:
            headers += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
            body = text
        case .alternative:
            headers.append("Content-Type: multipart/alternative; boundary=\"alt-\(index)\"")
            body = alternative(text: text, prose: prose, boundary: "alt-\(index)")
        case .csv:
            let rows = 60 + random.below(400)
            let start = random.below(max(1, pupils.count - rows))
            let csv = ([CorpusPeople.csvHeading] + pupils[start..<min(pupils.count, start + rows)].map(CorpusPeople.csvRow))
                .joined(separator: "\r\n") + "\r\n"
            headers.append("Content-Type: multipart/mixed; boundary=\"mix-\(index)\"")
            body = mixed(text: text, attachment: Data(csv.utf8), type: "text/csv; charset=utf-8",
                         name: "year\(pupil.year)-list.csv", boundary: "mix-\(index)")
        case .pdf:
            let lines = [topic, ""] + prose.filter { !$0.isEmpty }
            headers.append("Content-Type: multipart/mixed; boundary=\"mix-\(index)\"")
            body = mixed(text: "Please find the letter attached.\r\n\r\n\(staffName)", attachment: CorpusPDF.letter(lines: lines),
                         type: "application/pdf", name: "letter-\(index % 50).pdf", boundary: "mix-\(index)")
        }
        return Array((headers.joined(separator: "\r\n") + "\r\n\r\n" + body + "\r\n").utf8)
    }

    /// Mostly parents and colleagues; lists go inside the school (now and then to a
    /// partner or a personal address, which the policy should hold).
    private mutating func recipient(kind: CorpusMessageKind, pupil: CorpusPupil) -> String {
        if kind == .csv {
            return random.chance(85) ? CorpusPeople.staffAddress(random.pick(CorpusPeople.staffNames), domain: schoolDomain)
                : random.chance(50) ? "inclusion.team@leeds.gov.uk" : "helpful.teacher@gmail.com"
        }
        switch random.below(10) {
        case 0..<6: return "\(pupil.parentName) <\(pupil.parentEmail)>"
        case 6..<9: return CorpusPeople.staffAddress(random.pick(CorpusPeople.staffNames), domain: schoolDomain)
        default: return "bookings@coachtravel.example"
        }
    }

    private mutating func paragraphs(count: Int, pupil: CorpusPupil) -> [String] {
        (0..<count).map { number in
            var sentences = (0..<(3 + random.below(4))).map { _ in random.pick(Self.sentences) }
            if number == 0, random.chance(40) {
                sentences.insert("\(pupil.forename) has been working hard in lessons this half term.", at: 0)
            }
            if number == 1, random.chance(10) {
                sentences.append("\(pupil.forename) \(pupil.surname) in \(pupil.form) will need a packed lunch.")
            }
            return sentences.joined(separator: " ")
        }
    }

    private mutating func quotedThread() -> [String] {
        ["", "On Mon, 23 Nov 2026 at 18:02, a parent wrote:"] + (0..<(4 + random.below(6))).map { _ in "> " + random.pick(Self.sentences) }
    }

    /// A text part and an HTML part styled as a mail client writes them.
    private mutating func alternative(text: String, prose: [String], boundary: String) -> String {
        let style = "font-family:Calibri,Arial,Helvetica,sans-serif;font-size:11pt;color:#1f1f1f;margin:0 0 8px 0"
        var html = ["<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">",
                    "<style type=\"text/css\">p.MsoNormal{margin:0cm;font-size:11pt;font-family:Calibri,sans-serif}"
                        + " a:link{color:#0563C1;text-decoration:underline}</style></head><body lang=\"EN-GB\">",
                    "<div class=\"WordSection1\">"]
        for line in prose {
            let escaped = line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
            html.append(line.isEmpty ? "<p class=\"MsoNormal\">&nbsp;</p>" : "<p class=\"MsoNormal\" style=\"\(style)\"><span>\(escaped)</span></p>")
        }
        if random.chance(30) {
            html.append("<table border=\"0\" cellpadding=\"4\" style=\"border-collapse:collapse\"><tr><th>Day</th><th>Activity</th><th>Room</th></tr>")
            for day in ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] {
                html.append("<tr><td style=\"\(style)\">\(day)</td><td style=\"\(style)\">\(random.pick(Self.topics))</td><td>\(random.below(40))</td></tr>")
            }
            html.append("</table>")
        }
        html.append("<p><a href=\"https://www.\(schoolDomain)/news\">School news</a> | "
            + "<img src=\"cid:logo\" alt=\"Oakfield School logo\" width=\"120\"></p></div></body></html>")
        return ["--\(boundary)", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", text,
                "--\(boundary)", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
                quotedPrintable(html.joined(separator: "\r\n")), "--\(boundary)--"].joined(separator: "\r\n")
    }

    private func mixed(text: String, attachment: Data, type: String, name: String, boundary: String) -> String {
        let encoded = attachment.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return ["--\(boundary)", "Content-Type: text/plain; charset=utf-8", "", text,
                "--\(boundary)", "Content-Type: \(type); name=\"\(name)\"",
                "Content-Disposition: attachment; filename=\"\(name)\"", "Content-Transfer-Encoding: base64", "", encoded,
                "--\(boundary)--"].joined(separator: "\r\n")
    }

    /// Quoted-printable as Outlook writes it: `=` escaped, lines soft-broken at 76.
    private func quotedPrintable(_ text: String) -> String {
        var out = ""
        for line in text.components(separatedBy: "\r\n") {
            var column = 0
            for byte in line.utf8 {
                let piece = byte == UInt8(ascii: "=") || byte >= 0x80
                    ? "=" + String(byte, radix: 16, uppercase: true).leftPadded() : String(UnicodeScalar(byte))
                if column + piece.count > 75 { out += "=\r\n"; column = 0 }
                out += piece
                column += piece.count
            }
            out += "\r\n"
        }
        return out
    }
}

private extension String {
    func leftPadded() -> String { count < 2 ? "0" + self : self }
}
