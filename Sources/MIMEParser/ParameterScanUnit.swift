/// What `ParameterScanner` reads: a byte of ASCII text or a Character of any text, with
/// the few ASCII marks the scanner compares against and the way back to a String.
protocol ParameterScanUnit: Equatable {
    static var semicolon: Self { get }
    static var equals: Self { get }
    static var quote: Self { get }
    static var backslash: Self { get }
    static var openParenthesis: Self { get }
    static var closeParenthesis: Self { get }
    static var space: Self { get }
    static var tab: Self { get }
    /// `Character.isWhitespace` (for a byte: the ASCII whitespace it is true for).
    var isWhitespace: Bool { get }
    static func text(_ units: [Self]) -> String
    static func lowercasedText(_ units: [Self]) -> String
}

extension UInt8: ParameterScanUnit {
    static var semicolon: UInt8 { UInt8(ascii: ";") }
    static var equals: UInt8 { UInt8(ascii: "=") }
    static var quote: UInt8 { UInt8(ascii: "\"") }
    static var backslash: UInt8 { UInt8(ascii: "\\") }
    static var openParenthesis: UInt8 { UInt8(ascii: "(") }
    static var closeParenthesis: UInt8 { UInt8(ascii: ")") }
    static var space: UInt8 { 0x20 }
    static var tab: UInt8 { 0x09 }
    /// Tab, line feed, vertical tab, form feed, carriage return and space.
    var isWhitespace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }
    static func text(_ units: [UInt8]) -> String { String(decoding: units, as: UTF8.self) }
    static func lowercasedText(_ units: [UInt8]) -> String {
        String(decoding: units.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

extension Character: ParameterScanUnit {
    static var semicolon: Character { ";" }
    static var equals: Character { "=" }
    static var quote: Character { "\"" }
    static var backslash: Character { "\\" }
    static var openParenthesis: Character { "(" }
    static var closeParenthesis: Character { ")" }
    static var space: Character { " " }
    static var tab: Character { "\t" }
    static func text(_ units: [Character]) -> String { String(units) }
    static func lowercasedText(_ units: [Character]) -> String { String(units).lowercased() }
}
