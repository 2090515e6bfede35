/// A font's /ToUnicode CMap: `bfchar` pairs and `bfrange` runs (incremented or array
/// form) mapping character codes to UTF-16BE text. Ranges are expanded into one table,
/// capped at `maxEntries` so a hostile range cannot eat memory.
struct PDFToUnicodeMap {
    static let maxEntries = 65_536
    private(set) var entries: [UInt32: String] = [:]
    /// The byte length of the source codes, from the first code met (1 or 2 usually).
    private(set) var codeLength: Int?

    init(_ bytes: [UInt8]) {
        var lexer = PDFLexer(bytes)
        var strings: [[UInt8]] = []
        var mode = ""
        while let token = lexer.next() {
            switch token {
            case .keyword(let word):
                if word.hasPrefix("begin") || word.hasPrefix("end") { mode = word == "beginbfchar" || word == "beginbfrange" ? word : "" }
                strings.removeAll()
            case .string(let value) where !mode.isEmpty:
                strings.append(value)
            case .arrayOpen where mode == "beginbfrange" && strings.count == 2:
                addRange(strings[0], strings[1], targets: Self.arrayItems(&lexer))
                strings.removeAll()
            default:
                strings.removeAll()
            }
            if mode == "beginbfchar", strings.count == 2 {
                add(code(strings[0]), Self.utf16Text(strings[1]))
                strings.removeAll()
            } else if mode == "beginbfrange", strings.count == 3 {
                addRange(strings[0], strings[1], base: strings[2])
                strings.removeAll()
            }
        }
    }

    func text(for code: UInt32) -> String? { entries[code] }

    private mutating func add(_ code: UInt32, _ text: String) {
        guard entries.count < Self.maxEntries || entries[code] != nil else { return }
        entries[code] = text
    }

    /// `<lo> <hi> [<a> <b> …]`: one target per code.
    private mutating func addRange(_ low: [UInt8], _ high: [UInt8], targets: [[UInt8]]) {
        let first = code(low)
        let last = Self.value(high)
        guard first <= last else { return }
        for (offset, target) in targets.enumerated() where UInt32(offset) <= last - first {
            add(first + UInt32(offset), Self.utf16Text(target))
        }
    }

    /// `<lo> <hi> <dst>`: each code maps to dst with its last UTF-16 unit incremented.
    private mutating func addRange(_ low: [UInt8], _ high: [UInt8], base: [UInt8]) {
        let first = code(low)
        let last = Self.value(high)
        guard first <= last, last - first < UInt32(Self.maxEntries) else { return }
        var units = Self.utf16Units(base)
        guard let lastUnit = units.popLast() else { return }
        for code in first...last {
            guard entries.count < Self.maxEntries else { return }
            let shifted = lastUnit &+ UInt16(truncatingIfNeeded: code - first)
            add(code, String(decoding: units + [shifted], as: UTF16.self))
        }
    }

    /// The strings of an array, up to its `]`.
    private static func arrayItems(_ lexer: inout PDFLexer) -> [[UInt8]] {
        var items: [[UInt8]] = []
        while items.count < maxEntries, let token = lexer.next() {
            guard case .string(let bytes) = token else { break }
            items.append(bytes)
        }
        return items
    }

    /// A source code's value, noting the code length from the first code met.
    private mutating func code(_ bytes: [UInt8]) -> UInt32 {
        if codeLength == nil, !bytes.isEmpty { codeLength = min(bytes.count, 4) }
        return Self.value(bytes)
    }

    private static func value(_ bytes: [UInt8]) -> UInt32 {
        bytes.suffix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func utf16Units(_ bytes: [UInt8]) -> [UInt16] {
        stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
    }

    static func utf16Text(_ bytes: [UInt8]) -> String {
        String(decoding: utf16Units(bytes), as: UTF16.self)
    }
}
