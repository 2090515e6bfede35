import MIMEParser

/// Text of an archive member, which carries no charset label: UTF-8 when valid, else
/// windows-1252, line breaks normalised.
enum ArchiveMemberText {
    static func text(_ bytes: [UInt8]) -> String {
        CharsetDecoder.utf8OrWindows1252(PartText.normalisedLineBreaks(bytes))
    }
}
