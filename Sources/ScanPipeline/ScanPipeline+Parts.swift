import ChaperoneModel

extension ScanPipeline {
    /// Every body and attachment of `content`, in part-path order: bodies (the text
    /// parts shown as the message, with the bytes of text read from each), then each
    /// attachment with its handling as the extractor recorded it. A part the extractor
    /// left without a handling (an enclosed message, read part by part) is listed as
    /// read, since its own parts follow.
    static func parts(of content: MessageContent) -> [MessagePart] {
        var bodies = BodyTextTally()
        for segment in content.segments { bodies.add(segment) }
        return parts(of: content, bodies: bodies)
    }

    /// As `parts(of:)`, with the body text counted as it streamed past (`bodies`).
    static func parts(of content: MessageContent, bodies tally: BodyTextTally) -> [MessagePart] {
        let bodies = tally.order.map { path in
            MessagePart(path: path, kind: .body, contentType: "text", size: tally.bytes[path] ?? 0, handling: .read)
        }
        let attachments = content.attachments.map { info in
            MessagePart(
                path: info.partPath, kind: info.handling == nil && info.contentType.hasPrefix("message/") ? .enclosedMessage : .attachment,
                contentType: info.contentType, detectedType: info.detectedType, filename: info.filename, size: info.size,
                handling: info.handling ?? .read, unreadReason: info.unreadReason)
        }
        return (bodies + attachments).sorted { Self.pathPrecedes($0.path, $1.path) }
    }

    /// Numeric order of dotted part paths (`1.2` before `1.10`).
    static func pathPrecedes(_ left: String, _ right: String) -> Bool {
        let a = left.split(separator: ".").map { Int($0) ?? 0 }, b = right.split(separator: ".").map { Int($0) ?? 0 }
        return a.lexicographicallyPrecedes(b)
    }
}
