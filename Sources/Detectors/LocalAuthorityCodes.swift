/// English local-authority codes issued since April 1998, as used in characters 2–4
/// of a UPN (census rule 1530). New unitary authorities appear over time, so an
/// unknown code lowers confidence rather than rejecting the UPN.
enum LocalAuthorityCodes {
    static let known: Set<Int> = {
        var codes = Set<Int>()
        let ranges: [ClosedRange<Int>] = [
            201...213, 301...320, 330...336, 340...344, 350...359, 370...373, 380...384,
            390...394, 420...420, 800...896, 908...909, 916...916, 919...919, 921...921,
            925...926, 928...929, 931...931, 933...933, 935...938,
        ]
        for range in ranges { codes.formUnion(range) }
        return codes
    }()
}
