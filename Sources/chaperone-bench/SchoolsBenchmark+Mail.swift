import ArgumentParser
import ChaperoneModel
import ScanPipeline

/// The mail `chaperone-bench schools` measures the per-message cost with.
enum SchoolsBenchmarkMail: String, ExpressibleByArgument, CaseIterable {
    /// One short plain message naming one pupil: the least work a message that finds
    /// something can be, so a trust's fixed cost per school weighs the most.
    case short
    /// Issue 11's corpus mix (plain, HTML alternatives, CSV lists of pupils, PDF letters),
    /// each school's messages naming its own pupils from its own staff: school mail as
    /// a trust's host sees it.
    case mixed

}

/// Makes the benchmark's messages, school by school.
struct SchoolMailGenerator {
    let mail: SchoolsBenchmarkMail
    /// Reads a message's envelope from its headers, as `chaperone scan` does.
    let reading: ScanPipeline
    private var pupils: [Int: [CorpusPupil]] = [:]

    init(mail: SchoolsBenchmarkMail, reading: ScanPipeline) {
        self.mail = mail
        self.reading = reading
    }

    /// Message `index` from `school` (`roster` its pupils), with its envelope. In the
    /// mixed mail, message `index` is the same message for every school but for the
    /// school's names and domain (the same kind, length and choices), so a run over
    /// every school does the same work as a run over one.
    mutating func message(_ index: Int, school: Int, roster: Roster) -> ([UInt8], Envelope) {
        switch mail {
        case .short:
            return SchoolsBenchmark.message(index, school: school, roster: roster)
        case .mixed:
            let named = pupils[school] ?? SchoolsBenchmarkMail.corpusPupils(roster)
            pupils[school] = named
            var builder = CorpusMessageBuilder(pupils: named, random: CorpusRandom(seed: 11 &+ UInt64(index)),
                                               schoolDomain: "school\(school).example")
            let bytes = builder.message(index)
            return (bytes, reading.envelope(ofMessage: bytes))
        }
    }
}

extension SchoolsBenchmarkMail {

    /// `roster`'s pupils as the corpus generator names them (the first 2,000 at most),
    /// each with one parent at a webmail address, as the generated roster lists them.
    static func corpusPupils(_ roster: Roster) -> [CorpusPupil] {
        roster.students.prefix(2_000).map { student in
            let dateOfBirth = student.dateOfBirth.map { date in
                func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
                return "\(two(date.day))/\(two(date.month))/\(date.year)"
            } ?? ""
            return CorpusPupil(
                upn: student.upn ?? student.key, forename: student.legalForename, surname: student.surname,
                dateOfBirth: dateOfBirth, year: 9, form: "9A", schoolEmail: student.schoolEmail ?? "",
                addressLine: student.addressLines.first ?? "", postcode: student.postcode ?? "",
                parentName: "Parent \(student.surname)", parentEmail: "parent.\(student.surname.lowercased())@gmail.com")
        }
    }
}
