import ArgumentParser
import ChaperoneModel
import Foundation
import MIMEParser
import TextExtraction

/// `chaperone inspect MESSAGE.eml [--text] [--json]`: shows how Chaperone reads a
/// message: the MIME part tree (types, encodings, charsets, sizes, filenames) and every
/// limit hit or repair made; `--text` adds the extracted text segments.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the MIME part tree of a message and, with --text, the text Chaperone scans."
    )

    @Argument(help: "The message file (RFC 5322, as sent: .eml).")
    var message: String

    @Flag(help: "Also show every extracted text segment with its location.")
    var text = false

    @Flag(help: "Print JSON for machines instead of the readable report.")
    var json = false

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: message, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ValidationError("no message file at \(message): give the path of an .eml file")
        }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: message) else {
            throw InspectError.unreadable(path: message)
        }
        let limits = Limits()
        var parser = MessageParser(limits: limits, expectedSize: data.count)
        parser.feed([UInt8](data))
        let parsed = parser.finish()
        let content = text ? TextExtractor(limits: limits).extract(parsed) : nil
        if json {
            JSONLines.print(InspectReport.JSONDocument(message: MessageSummary(parsed), content: content))
        } else {
            print(InspectReport.text(parsed, content: content, name: message), terminator: "")
        }
    }
}
