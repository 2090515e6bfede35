import Detectors

/// A small deterministic generator (SplitMix64): the same seed gives the same corpus
/// on every machine, so instruction counts of two builds can be compared.
struct CorpusRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// One invented pupil of the benchmark school: a forename and surname drawn from
/// common English name lists and combined at random, so nobody real is described.
struct CorpusPupil {
    var upn: String
    var forename: String
    var surname: String
    var dateOfBirth: String
    var year: Int
    var form: String
    var schoolEmail: String
    var addressLine: String
    var postcode: String
    var parentName: String
    var parentEmail: String
}

/// The invented school: pupils, staff and the name lists they are drawn from.
enum CorpusPeople {
    static let schoolDomain = "oakfield.sch.example"
    static let pupilDomain = "pupils.oakfield.sch.example"

    static let forenames = [
        "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Noah", "Mia", "Jack", "Ivy", "Leo", "Lily",
        "Arthur", "Freya", "Muhammad", "Florence", "Oscar", "Willow", "Charlie", "Emily", "Jacob", "Ella",
        "Thomas", "Grace", "Henry", "Sophia", "William", "Evie", "Alfie", "Poppy", "Joshua", "Ruby", "Archie",
        "Sienna", "Theo", "Daisy", "Isaac", "Phoebe", "Ethan", "Zara", "Reuben", "Aisha", "Callum", "Niamh",
        "Kai", "Priya", "Rohan", "Maya", "Finley", "Hannah", "Dylan", "Chloe", "Samuel", "Erin", "Toby", "Layla",
    ]
    static let surnames = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson",
        "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Thomas", "Clarke",
        "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes",
        "Moore", "Clark", "King", "Harrison", "Lewis", "Baker", "Lee", "Allen", "Morris", "Khan", "Scott",
        "Watson", "Davis", "Parker", "James", "Bennett", "Young", "Phillips", "Richardson", "Mitchell",
        "Bailey", "Carter", "Cook", "Singh", "Shaw", "Bell", "Collins", "Morgan", "Kelly", "Begum", "Miller",
        "Cox", "Marshall", "Simpson", "Anderson", "Ellis", "Adams", "Chapman", "Webb", "Rogers", "Gray", "Mason",
        "Ali", "Hunt", "Holmes", "Palmer", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker",
        "Fisher", "Stevens", "Jenkins", "Murphy", "Dixon", "Richards", "Okafor", "Nowak", "Hussain", "Kaur",
    ]
    static let streets = ["Larchfield Road", "Mill Garth", "Church Lane", "Station Road", "Beech Avenue",
                          "Quarry Bank Close", "Victoria Street", "Oak Crescent", "Meadow View", "Park Terrace"]
    static let webmail = ["gmail.com", "hotmail.co.uk", "outlook.com", "btinternet.com", "yahoo.co.uk", "icloud.com"]
    static let staffNames = [
        "Helen Marsh", "Andrew Pickles", "Sarah Dunn", "Mark Ellison", "Rachel Booth", "David Quarmby",
        "Joanne Firth", "Simon Ackroyd", "Claire Hebden", "Paul Sutcliffe", "Nadia Hussain", "Gareth Lumb",
    ]

    /// The pupils of a roster of `count`: the first pupils are the same whatever the
    /// count, so the messages (which name only pupils among the first 2,000) read the
    /// same against a 2,000- and a 20,000-pupil roster.
    static func pupils(count: Int) -> [CorpusPupil] {
        (0..<count).map(pupil)
    }

    static func pupil(_ index: Int) -> CorpusPupil {
        var random = CorpusRandom(seed: UInt64(index) &* 7_919 &+ 17)
        let forename = random.pick(forenames)
        let surname = random.pick(surnames)
        let year = 7 + random.below(5)
        let day = 1 + random.below(28), month = 1 + random.below(12)
        let birthYear = 2026 - year - 5
        let parent = random.pick(forenames)
        let local = "\(forename.prefix(1).lowercased())\(surname.lowercased())\(index % 1000)"
        return CorpusPupil(
            upn: upn(index), forename: forename, surname: surname,
            dateOfBirth: "\(day < 10 ? "0" : "")\(day)/\(month < 10 ? "0" : "")\(month)/\(birthYear)",
            year: year, form: "\(year)\(["A", "B", "C", "D"][random.below(4)])",
            schoolEmail: "\(local)@\(pupilDomain)",
            addressLine: "\(1 + random.below(180)) \(random.pick(streets))",
            postcode: "LS\(1 + random.below(28)) \(random.below(10))\(["AB", "DL", "NS", "PX", "QT"][random.below(5)])",
            parentName: "\(parent) \(surname)",
            parentEmail: "\(parent.lowercased()).\(surname.lowercased())\(index % 97)@\(random.pick(webmail))")
    }

    /// A valid UPN (check letter and LA code) for pupil `index`.
    static func upn(_ index: Int) -> String {
        let serial = String(index % 100_000)
        let body = "3834321" + String(repeating: "0", count: 5 - serial.count) + serial
        return String(UniquePupilNumber.checkLetter(forBody: body) ?? "A") + body
    }

    static let csvHeading = "UPN,Legal Surname,Legal Forename,DOB,Year,Reg Group,Pupil Email,Address Line 1,Postcode,Contact 1 Name,Contact 1 Email"

    static func csvRow(_ pupil: CorpusPupil) -> String {
        "\(pupil.upn),\(pupil.surname),\(pupil.forename),\(pupil.dateOfBirth),\(pupil.year),\(pupil.form),"
            + "\(pupil.schoolEmail),\(pupil.addressLine),\(pupil.postcode),\(pupil.parentName),\(pupil.parentEmail)"
    }

    /// The roster file, as an MIS export would give it.
    static func rosterCSV(count: Int) -> String {
        ([csvHeading] + pupils(count: count).map(csvRow)).joined(separator: "\r\n") + "\r\n"
    }

    static func staffAddress(_ name: String, domain: String = schoolDomain) -> String {
        let parts = name.lowercased().split(separator: " ")
        return "\(parts[0].prefix(1)).\(parts[1])@\(domain)"
    }

    static func staffCSV() -> String {
        (["Email,Name"] + staffNames.map { "\(staffAddress($0)),\($0)" }).joined(separator: "\r\n") + "\r\n"
    }
}
