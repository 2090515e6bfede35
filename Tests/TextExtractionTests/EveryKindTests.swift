import ChaperoneModel
import Testing
@testable import TextExtraction

/// Walks every content type and extension the code knows, with text and with binary
/// content, and proves each attachment is read (text or a problem comes out of it),
/// media, textless, or unscannable with a problem that names it: no silent third way.
@Suite struct EveryKindTests {
    static var labels: [(type: String, filename: String)] {
        let types = AttachmentKind.byContentType.keys.sorted().map { ($0, "") }
        let names = AttachmentKind.byExtension.keys.sorted().map { ("application/octet-stream", "file.\($0)") }
        let families = ["image/x-new", "audio/x-new", "video/x-new", "text/x-new", "message/delivery-status",
                        "application/x-new", "application/vnd.new+xml", "font/woff2", "model/gltf-binary",
                        "application/pkcs7-signature", "application/pgp-signature"].map { ($0, "") }
        return types + names + families + [("application/octet-stream", "winmail.dat"), ("application/octet-stream", "")]
    }

    static let bodies: [[UInt8]] = [
        Array("Plain words about a trip, nothing else.".utf8),
        (0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) },
        [],
    ]

    @Test func noPartIsLeftUnreadWithoutAWord() {
        for (type, filename) in Self.labels {
            for body in Self.bodies {
                let content = Extraction.content(StoredZip.message(attaching: body, filename: filename.isEmpty ? "part" : filename, type: type))
                let label = "\(type) \(filename) \(body.count) bytes"
                guard let attachment = content.attachments.first else {
                    Issue.record("no attachment for \(label)")
                    continue
                }
                let location = TextLocation.attachment(attachment.filename, partPath: attachment.partPath)
                let problems = content.problems.filter { $0.concerns(location) }
                switch attachment.handling {
                case .read:
                    let gaveText = content.segments.contains { $0.location.kind == .attachment && $0.location.name == attachment.filename }
                    #expect(gaveText || !problems.isEmpty || body.isEmpty, "\(label): read but silent")
                case .unscannable:
                    #expect(problems.contains { $0.leavesContentUnscanned }, "\(label): unscannable without a problem")
                    #expect(attachment.unreadReason != nil, "\(label)")
                case .media:
                    #expect(type.hasPrefix("image/") || type.hasPrefix("audio/") || type.hasPrefix("video/")
                            || AttachmentKind(contentType: type, filename: filename).isMedia, "\(label): media by mistake")
                case .program:
                    #expect(AttachmentKind(contentType: type, filename: filename) == .program || body.starts(with: [0x4D, 0x5A]),
                            "\(label): program by mistake")
                case .textless:
                    #expect(TextlessTypes().contains(contentType: type, filename: filename), "\(label)")
                case nil:
                    Issue.record("\(label): no handling recorded")
                }
            }
        }
    }
}

extension AttachmentKind {
    fileprivate var isMedia: Bool {
        if case .media = self { return true }
        return false
    }
}
