extension PDFContentInterpreter {
    /// A share of the font size: a move along the baseline leaving a gap wider than
    /// this after the previous text is a word break.
    static let wordGap = 0.12

    mutating func moveLine(toX x: Double, y: Double) {
        lineX = x
        lineY = y
        penX = x
        movedSinceShow = true
    }

    mutating func nextLine() {
        moveLine(toX: lineX, y: lineY - textScale.y * leading)
        startsNewLine = true
    }

    mutating func transform(_ word: String, _ numbers: [Double?]) {
        switch word {
        case "q":
            if savedTransforms.count < PDFObjectParser.maxDepth { savedTransforms.append(verticalTransform) }
        case "Q":
            verticalTransform = savedTransforms.popLast() ?? verticalTransform
        default:
            guard numbers.count >= 6, let scale = numbers[numbers.count - 3], let offset = numbers[numbers.count - 1] else { return }
            verticalTransform = (verticalTransform.scale * scale, verticalTransform.scale * offset + verticalTransform.offset)
            shownEndX = nil
            movedSinceShow = true
        }
    }

    mutating func showArray(_ items: [PDFObject]) {
        for item in items {
            if let string = item.bytes {
                show(string)
            } else if let adjustment = item.number {
                penX -= adjustment / 1000 * fontSize * horizontalScale * textScale.x
                shownEndX = shownEndX.map { _ in penX }
                if adjustment < -200, !line.isEmpty, line.last != " " { line.append(" ") }
            }
        }
    }

    mutating func show(_ string: [UInt8]) {
        let shown = font.text(string)
        if shown.isEmpty, !string.isEmpty { unreadableStrings += 1 }
        let y = verticalTransform.scale * lineY + verticalTransform.offset
        if let previous = shownY, startsNewLine || abs(previous - y) > 1 {
            finishLine()
        } else if movedSinceShow, !line.isEmpty, line.last != " ", shown.first != " ", leavesGap {
            line.append(" ")
        }
        line += shown
        shownY = y
        movedSinceShow = false
        startsNewLine = false
        if let advance = font.advance(of: string, size: fontSize, charSpacing: charSpacing, wordSpacing: wordSpacing) {
            penX += advance * horizontalScale * textScale.x
            shownEndX = penX
        } else {
            shownEndX = nil
        }
    }

    /// True when the pen sits clearly apart from where the previous text ended (or
    /// when that end is unknown).
    private var leavesGap: Bool {
        guard let end = shownEndX else { return true }
        let gap = penX - end
        let em = abs(fontSize * textScale.x)
        return gap > Self.wordGap * em || gap < -em
    }
}
