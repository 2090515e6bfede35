import ChaperoneModel

/// Findings about attachments themselves and about content that could not be read:
/// executable or macro-enabled files (also inside archives), images and video, and
/// every problem that left content unscanned. Evidence names the type, not the file
/// (a filename can carry a pupil's name; the location already says which part).
enum AttachmentChecks {
    static let executableExtensions: Set<String> = [
        "exe", "scr", "bat", "cmd", "com", "js", "vbs", "ps1", "jar", "msi", "docm", "xlsm", "pptm",
    ]

    static func findings(for content: MessageContent, images: Configuration.Images = .init()) -> [Finding] {
        var findings: [Finding] = []
        for attachment in content.attachments {
            let location = TextLocation(kind: .attachmentName, name: attachment.filename, partPath: attachment.partPath)
            if isExecutable(attachment.filename) || attachment.handling == .program {
                let ext = fileExtension(attachment.filename)
                findings.append(Finding(detector: .executableAttachment, location: location,
                                        evidence: ext.isEmpty || !isExecutable(attachment.filename) ? "program file" : "." + ext + " file",
                                        confidence: 1, detail: ext.isEmpty ? "program" : ext))
            }
            for member in attachment.archiveMembers where isExecutable(member) {
                var memberLocation = location
                memberLocation.detail = member
                findings.append(Finding(detector: .executableAttachment, location: memberLocation,
                                        evidence: "." + fileExtension(member) + " file in an archive", confidence: 1,
                                        detail: fileExtension(member)))
            }
            if attachment.isImageOrVideo {
                findings.append(DecorativeImage.isDecorative(attachment, limits: images)
                    ? DecorativeImage.finding(attachment, location: location)
                    : Finding(detector: .imageAttachment, location: location,
                              evidence: attachment.contentType + " attachment", confidence: 1,
                              detail: attachment.contentType))
            }
        }
        for problem in content.problems where problem.leavesContentUnscanned {
            findings.append(Finding(detector: .unscannableContent,
                                    location: Self.location(of: problem, in: content),
                                    evidence: problem.message, confidence: 1, detail: problem.limit ?? problem.kind.rawValue))
        }
        return findings
    }

    /// Where an unscannable problem sits, as a typed location: its attachment (with the
    /// part path from the attachment list), its body part, or the whole message.
    static func location(of problem: ScanProblem, in content: MessageContent) -> TextLocation {
        guard var location = TextLocation(parsing: problem.location) else {
            let part = problem.location.hasPrefix("part ") ? String(problem.location.dropFirst(5)) : "0"
            return .body(part)
        }
        if location.kind == .attachment || location.kind == .attachmentName,
           let attachment = content.attachments.first(where: { $0.filename == location.name }) {
            location.partPath = attachment.partPath
        }
        return location
    }

    static func fileExtension(_ name: String) -> String {
        guard name.contains(".") else { return "" }
        return name.split(separator: ".").last.map { $0.lowercased() } ?? ""
    }

    static func isExecutable(_ name: String) -> Bool {
        executableExtensions.contains(fileExtension(name))
    }
}
