/// Builds `PDFObject`s from lexer tokens: arrays, dictionaries and `N G R` references,
/// with nesting bounded by `maxDepth` (deeper input fails the object instead of
/// deepening the stack). Unclosed containers end at the end of input or at the next
/// structure word (`obj`, `endobj`, `stream`, …).
struct PDFObjectParser {
    static let maxDepth = 64
    var lexer: PDFLexer

    init(_ lexer: PDFLexer) {
        self.lexer = lexer
    }

    /// The next object, or nil at the end or when it is malformed or too deep.
    mutating func parseObject(depth: Int = 0) -> PDFObject? {
        guard let token = lexer.next() else { return nil }
        return object(from: token, depth: depth)
    }

    mutating func object(from token: PDFToken, depth: Int) -> PDFObject? {
        guard depth < Self.maxDepth else { return nil }
        switch token {
        case .number(let value):
            return referenceOrNumber(value)
        case .string(let bytes):
            return .string(bytes)
        case .name(let name):
            return .name(name)
        case .keyword(let word):
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return .null
            }
        case .arrayOpen:
            var items: [PDFObject] = []
            while let next = nextInsideContainer() {
                if case .arrayClose = next { return .array(items) }
                guard let item = object(from: next, depth: depth + 1) else { return nil }
                items.append(item)
            }
            return .array(items)
        case .dictionaryOpen:
            return dictionary(depth: depth)
        case .arrayClose, .dictionaryClose:
            return nil
        }
    }

    private mutating func dictionary(depth: Int) -> PDFObject? {
        var entries: [String: PDFObject] = [:]
        while let next = nextInsideContainer() {
            switch next {
            case .dictionaryClose:
                return .dictionary(entries)
            case .name(let key):
                guard let valueToken = nextInsideContainer() else { return .dictionary(entries) }
                if case .dictionaryClose = valueToken { return .dictionary(entries) }
                guard let value = object(from: valueToken, depth: depth + 1) else { return nil }
                entries[key] = value
            default:
                continue
            }
        }
        return .dictionary(entries)
    }

    /// Words that cannot stand inside an array or dictionary: meeting one means the
    /// container was never closed (a damaged file), so it ends there and the word is left
    /// for the object scanner, which keeps one broken object from swallowing the next.
    private static let structureWords: Set<String> = ["obj", "endobj", "stream", "endstream", "trailer", "xref", "startxref"]

    /// The next token inside a container, or nil at the end or before a structure word.
    private mutating func nextInsideContainer() -> PDFToken? {
        let before = lexer.position
        let token = lexer.next()
        if case .keyword(let word)? = token, Self.structureWords.contains(word) {
            lexer.position = before
            return nil
        }
        return token
    }

    /// `N G R` becomes a reference; otherwise the number stands and the lexer is rewound.
    private mutating func referenceOrNumber(_ value: Double) -> PDFObject {
        let saved = lexer.position
        if let number = PDFObject.number(value).integer, number >= 0,
           case .number(let generation)? = lexer.next(), generation >= 0, generation == generation.rounded(),
           case .keyword("R")? = lexer.next() {
            return .reference(number)
        }
        lexer.position = saved
        return .number(value)
    }
}
