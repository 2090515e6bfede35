extension PDFContentInterpreter {
    /// Steps over inline image data: from after `ID` to the `EI` that stands alone.
    static func skipInlineImage(_ lexer: inout PDFLexer) {
        var index = lexer.position + 1
        while index + 1 < lexer.end {
            if lexer.bytes[index] == UInt8(ascii: "E"), lexer.bytes[index + 1] == UInt8(ascii: "I"),
               PDFLexer.isWhitespace(lexer.bytes[index - 1]),
               index + 2 >= lexer.end || PDFLexer.isWhitespace(lexer.bytes[index + 2]) {
                lexer.position = index + 2
                return
            }
            index += 1
        }
        lexer.position = lexer.end
    }
}
