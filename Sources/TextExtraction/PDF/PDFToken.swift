/// One lexical token of PDF syntax, as read from a file body or a content stream.
enum PDFToken {
    case number(Double)
    case string([UInt8])
    case name(String)
    /// A bare word: an operator, `obj`, `R`, `true`, `stream`, …
    case keyword(String)
    case arrayOpen, arrayClose, dictionaryOpen, dictionaryClose
}
