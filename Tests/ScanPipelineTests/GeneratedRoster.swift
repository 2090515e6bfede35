import ChaperoneModel

/// A deterministic roster of invented pupils and contacts with every awkward shape the
/// roster build meets: apostrophes (', ’, `), accents, Greek and Turkish capitals,
/// ordinary-word names, preferred forenames equal but for case (ASCII and not), empty
/// and several middle names, lower-case and empty UPNs, shared, short and non-ASCII
/// postcodes and address lines, repeated pupil and contact keys, contacts linked to keys
/// no pupil has, surnames that are also forenames, restricted contacts and addresses shared by several contact records.
enum GeneratedRoster {
    struct Random {
        var state: UInt64
        init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let forenames = ["Amara", "Will", "WILL", "Rose", "Zoë", "ZOË", "Ciarán", "Ali", "Sam", "Jo-Anne", "D’Arcy",
                            "İsmail", "ΑΝΝΑ", "Summer", "Grace", "Oliver", "Mia", "Noah", "Ava", "Liam", "Ola"]
    static let surnames = ["Okafor", "O'Neill", "O’Brien", "Okafor-Brennan", "Brook", "Hill", "Parker", "Rahman",
                           "Ackroyd", "Şahin", "Ólafsdóttir", "De`Ath", "Smith", "SMITH", "smith", "Ng", "", "Green Wood",
                           "Rose", "Grace", "Ali"]
    static let middles: [String?] = [nil, "", "Grace", "Grace Elizabeth", "Marie-Claire", "O'Hara"]
    static let postcodes: [String?] = [nil, "LS17 7PX", "ls17 7px", "LS1", "LS6 2AB", "LS17 7PÉ", "  ls6 2ab ", "M1 1AA"]
    static let lines: [String?] = [nil, "17 Larchfield Road", "Flat", "17 Larchfield Road", "2 Rue Élysée", "Flat 2, 95 Lingfield Mount"]

    static func make(pupils count: Int, seed: UInt64) -> Roster {
        var random = Random(seed: seed)
        var keys: [String] = []
        let students: [Student] = (0..<count).map { number in
            let key = number > 10 && random.next(50) == 0 ? keys[random.next(keys.count)] : "P\(seed)-\(number)"
            keys.append(key)
            let legal = forenames[random.next(forenames.count)]
            let preferredChoice = random.next(6)
            let preferred: String? = switch preferredChoice {
            case 0: legal.uppercased()
            case 1: forenames[random.next(forenames.count)]
            case 2: ""
            default: nil
            }
            let upn: String? = switch random.next(5) {
            case 0: nil
            case 1: ""
            case 2: "b80120000\(number)".lowercased()
            default: "B80120000\(number)"
            }
            let line = lines[random.next(lines.count)]
            return Student(
                key: key, upn: upn, uln: random.next(3) == 0 ? nil : "92763\(number)", legalForename: legal,
                preferredForename: preferred, middleNames: middles[random.next(middles.count)],
                surname: surnames[random.next(surnames.count)],
                schoolEmail: random.next(4) == 0 ? nil : "p\(number)@pupils.school.example",
                personalEmails: random.next(5) == 0 ? ["Shared.Home\(number % 7)@Example.com"] : [],
                addressLines: line.map { [$0, "Leeds"] } ?? [], postcode: postcodes[random.next(postcodes.count)])
        }
        var contacts: [Contact] = []
        for number in 0..<(count / 2) {
            let linked = (0..<(1 + random.next(3))).map { _ in
                random.next(20) == 0 ? "missing-\(random.next(10))" : keys[random.next(max(1, keys.count))]
            }
            let key = random.next(40) == 0 && !contacts.isEmpty ? contacts[random.next(contacts.count)].key : "C\(number)"
            let email = random.next(10) == 0 ? "shared.parent\(random.next(5))@example.com" : "parent\(number)@example.com"
            var contact = Contact(key: key, name: "Parent \(number)", emails: [email], pupilKeys: keys.isEmpty ? [] : linked)
            if random.next(15) == 0, !keys.isEmpty { contact.restrictedPupilKeys = [keys[random.next(keys.count)]] }
            contacts.append(contact)
        }
        return Roster(students: students, contacts: contacts)
    }
}
