extension PDFDocument {
    private static let objKeyword = Array("obj".utf8)
    private static let trailerKeyword = Array("trailer".utf8)
    private static let endstreamKeyword = Array("endstream".utf8)

    /// Finds every `N G obj` and `trailer` in one pass; stream data is stepped over, so
    /// text inside a stream is not mistaken for objects.
    mutating func scanObjects() {
        var index = 0
        var pendingLengths: [(number: Int, length: Int)] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "o"), let number = objectNumber(endingBefore: index), matches(Self.objKeyword, at: index) {
                index = readObject(number, bodyStart: index + 3, pendingLengths: &pendingLengths)
            } else if byte == UInt8(ascii: "t"), matches(Self.trailerKeyword, at: index) {
                var parser = PDFObjectParser(PDFLexer(bytes, from: index + 7))
                if case .dictionary(let trailer)? = parser.parseObject() { trailers.append(trailer) }
                index = max(index + 7, parser.lexer.position)
            } else {
                index += 1
            }
        }
        applyIndirectLengths(pendingLengths)
    }

    /// True when `word` stands at `index` as a whole word.
    private func matches(_ word: [UInt8], at index: Int) -> Bool {
        let end = index + word.count
        guard end <= bytes.count, bytes[index..<end].elementsEqual(word) else { return false }
        if index > 0, PDFLexer.isRegular(bytes[index - 1]) { return false }
        return end == bytes.count || !PDFLexer.isRegular(bytes[end])
    }

    /// The object number of `N G` written just before `index` (which holds `obj`).
    private func objectNumber(endingBefore index: Int) -> Int? {
        var cursor = index - 1
        guard cursor >= 0, PDFLexer.isWhitespace(bytes[cursor]) else { return nil }
        while cursor >= 0, PDFLexer.isWhitespace(bytes[cursor]) { cursor -= 1 }
        guard let generationStart = digitsStart(endingAt: cursor) else { return nil }
        cursor = generationStart - 1
        guard cursor >= 0, PDFLexer.isWhitespace(bytes[cursor]) else { return nil }
        while cursor >= 0, PDFLexer.isWhitespace(bytes[cursor]) { cursor -= 1 }
        guard let numberStart = digitsStart(endingAt: cursor), cursor - numberStart < 10 else { return nil }
        if numberStart > 0, PDFLexer.isRegular(bytes[numberStart - 1]) { return nil }
        var number = 0
        for digit in bytes[numberStart...cursor] { number = number * 10 + Int(digit - UInt8(ascii: "0")) }
        return number
    }

    private func digitsStart(endingAt end: Int) -> Int? {
        var cursor = end
        while cursor >= 0, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]), end - cursor < 12 { cursor -= 1 }
        return cursor == end ? nil : cursor + 1
    }

    /// Parses one object body (and its stream data); returns where scanning goes on.
    private mutating func readObject(_ number: Int, bodyStart: Int, pendingLengths: inout [(number: Int, length: Int)]) -> Int {
        var parser = PDFObjectParser(PDFLexer(bytes, from: bodyStart))
        guard let object = parser.parseObject() else { return bodyStart }
        let afterObject = parser.lexer.position
        guard case .dictionary(let dictionary) = object, case .keyword("stream")? = parser.lexer.next() else {
            objects[number] = object
            return max(bodyStart, afterObject)
        }
        var dataStart = parser.lexer.position
        if dataStart < bytes.count, bytes[dataStart] == 0x0D { dataStart += 1 }
        if dataStart < bytes.count, bytes[dataStart] == 0x0A { dataStart += 1 }
        var dataEnd: Int
        var resume: Int
        if let length = dictionary["Length"]?.integer, length >= 0, length <= bytes.count - dataStart,
           endstreamFollows(dataStart + length) {
            dataEnd = dataStart + length
            resume = dataEnd
        } else if let found = Self.find(Self.endstreamKeyword, in: bytes, from: dataStart) {
            dataEnd = found
            if dataEnd > dataStart, bytes[dataEnd - 1] == 0x0A { dataEnd -= 1 }
            if dataEnd > dataStart, bytes[dataEnd - 1] == 0x0D { dataEnd -= 1 }
            resume = found + Self.endstreamKeyword.count
            if case .reference(let lengthObject)? = dictionary["Length"] { pendingLengths.append((number, lengthObject)) }
        } else {
            dataEnd = bytes.count
            resume = bytes.count
        }
        objects[number] = .stream(dictionary, dataStart..<dataEnd)
        if dictionary["Type"]?.name == "XRef" { trailers.append(dictionary) }
        return resume
    }

    private func endstreamFollows(_ index: Int) -> Bool {
        var cursor = index
        while cursor < bytes.count, PDFLexer.isWhitespace(bytes[cursor]), cursor - index < 4 { cursor += 1 }
        return matches(Self.endstreamKeyword, at: cursor) || cursor + 9 > bytes.count && cursor == bytes.count
    }

    /// Narrows streams whose /Length is an indirect object, once that object is known.
    private mutating func applyIndirectLengths(_ pending: [(number: Int, length: Int)]) {
        for (number, lengthObject) in pending {
            guard case .stream(let dictionary, let range)? = objects[number],
                  let length = resolve(.reference(lengthObject)).integer,
                  length >= 0, length <= range.count else { continue }
            objects[number] = .stream(dictionary, range.lowerBound..<(range.lowerBound + length))
        }
    }
}
