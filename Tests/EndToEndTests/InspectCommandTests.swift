import Foundation
import Testing

/// `chaperone inspect --text` says, for every part, whether it was read, treated as
/// media, allow-listed or left unscannable, and why.
@Suite struct InspectCommandTests {
    static func part(_ name: String, _ type: String, _ bytes: [UInt8]) -> String {
        "--b\r\nContent-Type: \(type); name=\"\(name)\"\r\nContent-Disposition: attachment; filename=\"\(name)\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + Data(bytes).base64EncodedString(options: .lineLength76Characters) + "\r\n"
    }

    @Test func everyPartSaysWhatWasDoneWithIt() throws {
        let filler = (0..<256).map { UInt8($0) }
        let message = "From: a@ralphthoresby.example\r\nTo: b@example.org\r\nSubject: t\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHello\r\n"
            + Self.part("notes.txt", "text/plain", Array("Trip notes".utf8))
            + Self.part("scan.dat", "application/octet-stream", [0xFF, 0xD8, 0xFF, 0xE0] + filler)
            + Self.part("report.doc", "application/msword", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + filler)
            + Self.part("smime.p7s", "application/pkcs7-signature", [0x30, 0x82] + filler)
            + Self.part("smime.p7m", "application/pkcs7-mime", [0x30, 0x82] + filler)
            + "--b--\r\n"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("inspect-\(UUID().uuidString).eml")
        try Data(message.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = try ServeProcess.executable()
        process.arguments = ["inspect", "--text", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = text.split(separator: "\n").map(String.init)
        func line(_ name: String) -> String { lines.first { $0.contains("\"\(name)\"") } ?? "" }
        #expect(lines.contains { $0.contains("text/plain") && $0.hasSuffix("→ read (message text)") })
        #expect(line("notes.txt").hasSuffix("→ read"))
        #expect(line("scan.dat").hasSuffix("→ media as image/jpeg (not read for text)"))
        #expect(line("report.doc").contains("→ UNSCANNABLE: "))
        #expect(line("smime.p7s").hasSuffix("→ carries no text (attachments.textless_types)"))
        #expect(line("smime.p7m").hasSuffix("→ UNSCANNABLE: encrypted"))
    }
}
