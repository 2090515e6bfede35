import ChaperoneModel
import Detectors

/// Generated, fictional school data for the detection benchmark: names built from
/// syllables (so they are unique and belong to nobody), valid UPNs, and prose that
/// mentions some pupils among ordinary school mail.
enum SyntheticSchool {
    static let syllables = ["ba", "ket", "lo", "mir", "dan", "sor", "vel", "tin", "ka", "ro", "pel", "zan",
                            "hu", "ger", "li", "mon", "sa", "fer", "dal", "wi", "nor", "ta", "bre", "cos"]

    static func word(_ seed: Int, parts: Int) -> String {
        var value = seed
        var result = ""
        for _ in 0..<parts {
            result += syllables[value % syllables.count]
            value /= syllables.count
        }
        return result.prefix(1).uppercased() + result.dropFirst()
    }

    static func upn(_ index: Int) -> String {
        let digits = String(index).count < 5 ? String(repeating: "0", count: 5 - String(index).count) + String(index) : String(index % 100_000)
        let body = "3834321" + digits
        return String(UniquePupilNumber.checkLetter(forBody: body) ?? "A") + body
    }

    /// `pupils` pupils numbered from `first` (so several schools' rosters differ), with
    /// school addresses on `pupilDomain`.
    static func roster(pupils: Int, first: Int = 0, pupilDomain: String = "pupils.ralphthoresby.example") -> Roster {
        var students: [Student] = []
        students.reserveCapacity(pupils)
        for index in first..<(first + pupils) {
            let forename = word(index &* 7919 &+ 13, parts: 2)
            let surname = word(index, parts: 4)
            students.append(Student(
                key: upn(index), upn: upn(index), legalForename: forename,
                // Half the pupils have a middle name, as MIS exports carry them.
                middleNames: index % 2 == 0 ? word(index &* 31 &+ 7, parts: 2) : nil, surname: surname,
                dateOfBirth: SchoolDate(year: 2010 + index % 6, month: 1 + index % 12, day: 1 + index % 28),
                schoolEmail: "\(forename.lowercased()).\(surname.lowercased())@\(pupilDomain)",
                addressLines: ["\(1 + index % 150) Larchfield Road"], postcode: "LS17 \(index % 9)PX"))
        }
        return Roster(students: students)
    }

    static let filler = [
        "Please remember that the trip to the science museum leaves at 8.30 on Thursday morning.",
        "The year 9 options evening has been moved to the main hall, and parking is limited.",
        "Thank you for your help with the reading scheme; the new books arrive next week.",
        "Could you send me the updated timetable before the department meeting on Monday?",
        "Reminder: reports are due by Friday and the moderation meeting is in room 12.",
        "The football fixture against Moorside has been postponed because of the weather.",
    ]

    static func content(roster: Roster, bytes: Int) -> MessageContent {
        var segments: [TextSegment] = []
        var total = 0
        var paragraph = 0
        while total < bytes {
            var text = ""
            for line in 0..<20 {
                text += filler[(paragraph + line) % filler.count] + " "
                if line % 7 == 3, !roster.students.isEmpty {
                    let pupil = roster.students[(paragraph * 31 + line) % roster.students.count]
                    text += "\(pupil.legalForename) \(pupil.surname) has a medical appointment on 12/03/2026. "
                }
                if line == 11 { text += "Call me on 07700 900461 or write to staff.member@gmail.com. " }
            }
            segments.append(TextSegment(location: .body("1"), text: text))
            total += text.utf8.count
            paragraph += 1
        }
        return MessageContent(segments: segments)
    }

    static func csv(_ roster: Roster) -> [UInt8] {
        var text = "UPN,Legal Surname,Legal Forename,DOB,Year,Reg Group,Pupil Email,Address Line 1,Postcode,Contact 1 Name,Contact 1 Email\r\n"
        for student in roster.students {
            let dob = student.dateOfBirth.map { "\($0.day)/\($0.month)/\($0.year)" } ?? ""
            text += "\(student.upn ?? ""),\(student.surname),\(student.legalForename),\(dob),9,9A,"
                + "\(student.schoolEmail ?? ""),\(student.addressLines.first ?? ""),\(student.postcode ?? ""),"
                + "Parent \(student.surname),parent.\(student.surname.lowercased())@gmail.com\r\n"
        }
        return Array(text.utf8)
    }

    static func ctf(_ roster: Roster) -> [UInt8] {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CTfile><Header><DocumentName>Common Transfer File</DocumentName></Header><CTFpupilData>\n"
        for student in roster.students {
            text += "<Pupil><UPN>\(student.upn ?? "")</UPN><Surname>\(student.surname)</Surname><Forename>\(student.legalForename)</Forename>"
                + "<DOB>\(student.dateOfBirth?.description ?? "")</DOB><Address><AddressLines><AddressLine1>\(student.addressLines.first ?? "")"
                + "</AddressLine1></AddressLines><PostCode>\(student.postcode ?? "")</PostCode></Address>"
                + "<Contacts><Contact><Forename>Parent</Forename><Surname>\(student.surname)</Surname><Email>parent.\(student.surname.lowercased())@gmail.com</Email></Contact></Contacts></Pupil>\n"
        }
        text += "</CTFpupilData></CTfile>\n"
        return Array(text.utf8)
    }
}
