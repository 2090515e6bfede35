/// Reads the text-showing operators of one content stream (Tj, TJ, ', ") into lines.
/// Text positioning (Td, TD, T*, Tm, cm, and new BT blocks) decides breaks: a move to
/// another baseline starts a new line; a move along the same baseline is a word break
/// when it leaves a gap after the text before (measured with the font's glyph widths,
/// or always when the font has none); a TJ kerning gap wider than 200 thousandths of
/// an em is a space. Graphics operators are ignored; inline image data is stepped over;
/// form XObjects invoked with `Do` are listed in `invokedXObjects` for the caller.
struct PDFContentInterpreter {
    static let maxOperands = 512
    let fonts: [String: PDFFont]
    private(set) var lines: [String] = []
    private(set) var invokedXObjects: [String] = []
    /// Strings shown in a font that gave no text for them (no Unicode mapping).
    var unreadableStrings = 0
    var line = ""
    var font = PDFFont()
    var fontSize = 1.0
    var charSpacing = 0.0
    var wordSpacing = 0.0
    var horizontalScale = 1.0
    var leading = 0.0
    /// The text line matrix's origin and scale (its `a` and `d`), in user space.
    var lineX = 0.0
    var lineY = 0.0
    var textScale = (x: 1.0, y: 1.0)
    /// Where the pen is now, and where the last shown text ended (nil when unknown).
    var penX = 0.0
    var shownEndX: Double?
    var shownY: Double?
    var movedSinceShow = false
    var startsNewLine = false
    /// The vertical part of the current transformation matrix (scale, offset), with the
    /// `q` stack of saved values, so text placed by `cm` rather than `Tm` still breaks lines.
    var verticalTransform = (scale: 1.0, offset: 0.0)
    var savedTransforms: [(scale: Double, offset: Double)] = []

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
        let numbers = operands.map(\.number)
        let last = numbers.last ?? nil
        switch word {
        case "BT":
            moveLine(toX: 0, y: 0)
            textScale = (1, 1)
        case "Tf":
            if operands.count >= 2, let name = operands[operands.count - 2].name { font = fonts[name] ?? PDFFont() }
            fontSize = last ?? fontSize
        case "Tc": charSpacing = last ?? charSpacing
        case "Tw": wordSpacing = last ?? wordSpacing
        case "Tz": horizontalScale = (last ?? 100) / 100
        case "TL": leading = last ?? leading
        case "Td", "TD":
            guard numbers.count >= 2, let moveX = numbers[numbers.count - 2], let moveY = last else { return }
            moveLine(toX: lineX + textScale.x * moveX, y: lineY + textScale.y * moveY)
            if word == "TD" { leading = -moveY }
        case "Tm":
            guard numbers.count >= 6, let x = numbers[numbers.count - 2], let y = last else { return }
            textScale = (numbers[numbers.count - 6] ?? 1, numbers[numbers.count - 3] ?? 1)
            moveLine(toX: x, y: y)
        case "T*":
            nextLine()
        case "Tj", "'", "\"":
            if word == "\"", numbers.count >= 3 {
                wordSpacing = numbers[numbers.count - 3] ?? wordSpacing
                charSpacing = numbers[numbers.count - 2] ?? charSpacing
            }
            if word != "Tj" { nextLine() }
            if let string = operands.last?.bytes { show(string) }
        case "TJ":
            showArray(operands.last?.array ?? [])
        case "q", "Q", "cm":
            transform(word, numbers)
        case "Do":
            if let name = operands.last?.name, !invokedXObjects.contains(name), invokedXObjects.count < 1_000 {
                invokedXObjects.append(name)
            }
        default:
            break
        }
    }

    mutating func finishLine() {
        let trimmed = line.trimmingTrailingLineBreaks()
        if !trimmed.isEmpty { lines.append(trimmed) }
        line = ""
    }
}
