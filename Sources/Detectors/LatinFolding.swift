/// Case and diacritic folding for U+00C0…U+017F (Latin-1 Supplement letters and
/// Latin Extended-A) to ASCII, written out so normalisation needs no Foundation and no
/// allocation per character. `_` marks a non-letter (× ÷), which becomes a separator.
enum LatinFolding {
    static let firstScalar: UInt32 = 0xC0
    static let table: [[UInt8]] = {
        let spelled = "a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y th ss a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y th y a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g g g g g h h h h i i i i i i i i i i ij ij j j k k k l l l l l l l l l l n n n n n n n n n o o o o o o oe oe r r r r r r s s s s s s s s t t t t t t u u u u u u u u u u u u w w y y y z z z z z z s"
        return spelled.split(separator: " ").map { $0 == "_" ? [] : Array($0.utf8) }
    }()

    /// The folded ASCII bytes of `scalar`, or nil when it is outside the table.
    static func fold(_ scalar: UInt32) -> [UInt8]? {
        guard scalar >= firstScalar, scalar - firstScalar < UInt32(table.count) else { return nil }
        return table[Int(scalar - firstScalar)]
    }
}
