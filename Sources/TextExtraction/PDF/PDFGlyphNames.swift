import MIMEParser

/// Text for the glyph names that /Differences arrays use: single letters, digit names,
/// ASCII punctuation, common typographic marks and ligatures, and `uniXXXX` / `uXXXX`.
/// Suffixes such as `.sc` or `.alt` are ignored.
enum PDFGlyphNames {
    private static let named: [String: String] = [
        "space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$", "percent": "%",
        "ampersand": "&", "quotesingle": "'", "quoteright": "\u{2019}", "quoteleft": "\u{2018}", "parenleft": "(",
        "parenright": ")", "asterisk": "*", "plus": "+", "comma": ",", "hyphen": "-", "minus": "-", "period": ".",
        "slash": "/", "colon": ":", "semicolon": ";", "less": "<", "equal": "=", "greater": ">", "question": "?",
        "at": "@", "bracketleft": "[", "backslash": "\\", "bracketright": "]", "asciicircum": "^", "underscore": "_",
        "grave": "`", "braceleft": "{", "bar": "|", "braceright": "}", "asciitilde": "~",
        "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
        "eight": "8", "nine": "9", "endash": "\u{2013}", "emdash": "\u{2014}", "quotedblleft": "\u{201C}",
        "quotedblright": "\u{201D}", "quotesinglbase": "\u{201A}", "quotedblbase": "\u{201E}", "bullet": "\u{2022}",
        "ellipsis": "\u{2026}", "fi": "fi", "fl": "fl", "ff": "ff", "ffi": "ffi", "ffl": "ffl", "sterling": "\u{A3}",
        "Euro": "\u{20AC}", "euro": "\u{20AC}", "nbspace": " ", "nonbreakingspace": " ", "sfthyphen": "-",
        "degree": "\u{B0}", "copyright": "\u{A9}", "registered": "\u{AE}", "trademark": "\u{2122}", "section": "\u{A7}",
        "paragraph": "\u{B6}", "dagger": "\u{2020}", "daggerdbl": "\u{2021}", "eacute": "\u{E9}", "egrave": "\u{E8}",
        "aacute": "\u{E1}", "agrave": "\u{E0}", "ccedilla": "\u{E7}", "udieresis": "\u{FC}", "odieresis": "\u{F6}",
        "adieresis": "\u{E4}", "germandbls": "\u{DF}", "dotlessi": "\u{131}",
    ]

    /// The text a glyph name stands for, or "" when unknown.
    static func text(for glyph: String) -> String {
        let base = glyph.split(separator: ".", maxSplits: 1).first.map(String.init) ?? glyph
        if base.utf8.count == 1, let byte = base.utf8.first,
           (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) {
            return base
        }
        if let text = named[base] { return text }
        let utf8 = Array(base.utf8)
        if utf8.count == 7, base.hasPrefix("uni") { return hexText(utf8[3...]) }
        if (5...7).contains(utf8.count), utf8.first == UInt8(ascii: "u") { return hexText(utf8[1...]) }
        return ""
    }

    private static func hexText(_ digits: ArraySlice<UInt8>) -> String {
        var value: UInt32 = 0
        for digit in digits {
            guard let nibble = digit.hexDigitValue else { return "" }
            value = value << 4 | UInt32(nibble)
        }
        return PDFEncodingTable.text(value)
    }
}
