/// Reads the text-showing operators of one content stream (Tj, TJ, ', ") into lines.
/// Text positioning (Td, TD, T*, Tm, and new BT blocks) decides breaks: a move to
/// another baseline starts a new line, a move along the same baseline is a word break,
/// and a TJ kerning gap wider than 200 thousandths of an em is a space. Graphics
/// operators are ignored; inline image data is stepped over; form XObjects invoked
/// with `Do` are listed in `invokedXObjects` for the caller to read.
struct PDFContentInterpreter {
    static let maxOperands = 512
    let fonts: [String: PDFFont]
    private(set) var lines: [String] = []
    private(set) var invokedXObjects: [String] = []
    private var line = ""
    private var font = PDFFont()
    private var lineY = 0.0
    /// The text matrix's vertical scale (its `d`), which scales Td and T* moves.
    private var textScale = 1.0
    private var startsNewLine = false
    private var leading = 0.0
    private var shownY: Double?
    private var movedSinceShow = false
    /// The vertical part of the current transformation matrix (scale, offset), with the
    /// `q` stack of saved values, so text placed by `cm` rather than `Tm` still breaks lines.
    private var verticalTransform = (scale: 1.0, offset: 0.0)
    private var savedTransforms: [(scale: Double, offset: Double)] = []

    init(fonts: [String: PDFFont]) {
        self.fonts = fonts
    }

    /// Interprets `content`, adding to the lines read so far.
    mutating func read(_ content: [UInt8]) {
        var parser = PDFObjectParser(PDFLexer(content))
        var operands: [PDFObject] = []
        while let token = parser.lexer.next() {
            guard case .keyword(let word) = token else {
                if operands.count < Self.maxOperands, let operand = parser.object(from: token, depth: 0) {
                    operands.append(operand)
                }
                continue
            }
            if word == "ID" {
                Self.skipInlineImage(&parser.lexer)
            } else {
                apply(word, operands)
            }
            operands.removeAll(keepingCapacity: true)
        }
    }

    /// The lines read, with the unfinished one.
    var text: String {
        let last = line.trimmingTrailingLineBreaks()
        return (last.isEmpty ? lines : lines + [last]).joined(separator: "\n")
    }

    private mutating func apply(_ word: String, _ operands: [PDFObject]) {
        switch word {
        case "BT":
            lineY = 0
            textScale = 1
            movedSinceShow = true
        case "Tf":
            if operands.count >= 2, let name = operands[operands.count - 2].name { font = fonts[name] ?? PDFFont() }
        case "Td", "TD":
            guard operands.count >= 2, let moveY = operands[operands.count - 1].number else { return }
            lineY += textScale * moveY
            if word == "TD" { leading = -moveY }
            movedSinceShow = true
        case "TL":
            leading = operands.last?.number ?? leading
        case "Tm":
            guard operands.count >= 6, let y = operands[operands.count - 1].number else { return }
            lineY = y
            textScale = operands[operands.count - 3].number ?? 1
            movedSinceShow = true
        case "T*":
            nextLine()
        case "Tj":
            if let string = operands.last?.bytes { show(string) }
        case "'":
            nextLine()
            if let string = operands.last?.bytes { show(string) }
        case "\"":
            nextLine()
            if let string = operands.last?.bytes { show(string) }
        case "TJ":
            showArray(operands.last?.array ?? [])
        case "q":
            if savedTransforms.count < PDFObjectParser.maxDepth { savedTransforms.append(verticalTransform) }
        case "Q":
            verticalTransform = savedTransforms.popLast() ?? verticalTransform
        case "cm":
            guard operands.count >= 6, let scale = operands[operands.count - 3].number,
                  let offset = operands[operands.count - 1].number else { return }
            verticalTransform = (verticalTransform.scale * scale,
                                 verticalTransform.scale * offset + verticalTransform.offset)
            movedSinceShow = true
        case "Do":
            if let name = operands.last?.name, !invokedXObjects.contains(name), invokedXObjects.count < 1_000 {
                invokedXObjects.append(name)
            }
        default:
            break
        }
    }

    private mutating func nextLine() {
        lineY -= textScale * leading
        startsNewLine = true
        movedSinceShow = true
    }

    private mutating func showArray(_ items: [PDFObject]) {
        for item in items {
            if let string = item.bytes {
                show(string)
            } else if let gap = item.number, gap < -200, !line.isEmpty, line.last != " " {
                line.append(" ")
            }
        }
    }

    private mutating func show(_ string: [UInt8]) {
        let shown = font.text(string)
        let y = verticalTransform.scale * lineY + verticalTransform.offset
        if let previous = shownY, startsNewLine || abs(previous - y) > 1 {
            breakLine()
        } else if movedSinceShow, !line.isEmpty, line.last != " ", shown.first != " " {
            line.append(" ")
        }
        line += shown
        shownY = y
        movedSinceShow = false
        startsNewLine = false
    }

    private mutating func breakLine() {
        let trimmed = line.trimmingTrailingLineBreaks()
        if !trimmed.isEmpty { lines.append(trimmed) }
        line = ""
    }
}
