extension RTFText {
    /// Destinations whose content is not document text.
    static let skippedDestinations: Set<String> = [
        "fonttbl", "colortbl", "stylesheet", "listtable", "listoverridetable", "revtbl", "rsidtbl", "pict",
        "themedata", "colorschememapping", "datastore", "latentstyles", "generator", "xmlnstbl", "mmathPr",
        "fldinst", "objdata", "filetbl", "pgdsctbl", "bkmkstart", "bkmkend", "protusertbl", "nonshppict", "sp",
        "falt", "panose", "fontemb", "fontfile", "userprops", "docvar", "wgrffmtfilter", "xmlopen", "blipuid",
    ]

    /// Control words that stand for a character.
    static let characterWords: [String: String] = [
        "par": "\n", "line": "\n", "sect": "\n", "page": "\n", "row": "\n", "cell": "\t", "nestcell": "\t",
        "tab": "\t", "emdash": "\u{2014}", "endash": "\u{2013}", "lquote": "\u{2018}", "rquote": "\u{2019}",
        "ldblquote": "\u{201C}", "rdblquote": "\u{201D}", "bullet": "\u{2022}", "emspace": " ", "enspace": " ",
        "qmspace": " ", "zwj": "", "zwnj": "",
    ]

    mutating func controlWord(_ word: String, _ parameter: Int?) {
        if let character = Self.characterWords[word] {
            emit(character)
            return
        }
        switch word {
        case "u":
            guard let value = parameter else { return }
            let unit = UInt16(truncatingIfNeeded: value < 0 ? value + 65_536 : value)
            if !state.skip {
                flush()
                output.append(unit)
            }
            fallbackToSkip = state.unicodeSkip
        case "uc":
            state.unicodeSkip = max(0, min(parameter ?? 1, 16))
        case "bin":
            index += max(0, min(parameter ?? 0, bytes.count - index))
        case "ansicpg":
            if let page = parameter { documentCodePage = Self.codePageName(page) }
        case "fonttbl":
            state.skip = true
            state.fontTable = true
        case "f":
            guard let number = parameter else { return }
            if state.fontTable {
                currentFont = number
            } else {
                state.codePage = fontCharsets[number].flatMap(Self.charsetCodePage)
            }
        case "fcharset":
            if state.fontTable, let charset = parameter { fontCharsets[currentFont] = charset }
        default:
            if Self.skippedDestinations.contains(word) { state.skip = true }
        }
    }

    /// The charset label for a Windows code page number.
    static func codePageName(_ page: Int) -> String {
        switch page {
        case 874, 1250...1258: "windows-\(page)"
        case 932: "shift_jis"
        case 936: "gbk"
        case 949: "euc-kr"
        case 950: "big5"
        case 10000: "macintosh"
        case 65001: "utf-8"
        case 437, 850, 852, 866: "ibm\(page)"
        default: "windows-1252"
        }
    }

    /// The code page a font's `\fcharset` implies (nil: the document's).
    static func charsetCodePage(_ charset: Int) -> String? {
        let pages: [Int: Int] = [77: 10000, 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254,
                                 163: 1258, 177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250]
        return pages[charset].map(codePageName)
    }
}
