import ChaperoneModel
import Store
import Foundation

extension DecisionView {
    /// The rows of the parts table. A decision that lists its parts gives every body and
    /// attachment, what was done with it (read, media, textless, program, or not read
    /// and why), its findings and the problems met there, then any problem not tied to a
    /// part (the message, its headers). An older decision names only the parts with
    /// findings or problems.
    static func partRows(_ report: ScanReport) -> [[String: Any]] {
        guard !report.parts.isEmpty else { return namedPartRows(report) }
        var unplaced = report.problems
        var rows: [[String: Any]] = report.parts.map { part in
            let location = part.kind == .body ? TextLocation.body(part.path) : TextLocation.attachment(part.filename, partPath: part.path)
            let place = location.description
            let here = unplaced.filter { $0.location == place || $0.location.hasPrefix(place + "#") }
            unplaced.removeAll { $0.location == place || $0.location.hasPrefix(place + "#") }
            let findings = report.findings.filter { $0.location.partPath == part.path && $0.location.kind != .header }.count
            return [
                "place": "\(part.path) \(describe(part))", "size": ViewFormatting.bytes(part.size), "findings": findings,
                "handling": ([handling(part)] + here.map(problemText)).joined(separator: "; "),
            ]
        }
        rows += unplaced.map { ["place": $0.location, "size": "", "findings": 0, "handling": problemText($0)] as [String: Any] }
        return rows
    }

    /// `body`, or the filename (or "no filename") with its type and the type it was read as.
    static func describe(_ part: MessagePart) -> String {
        switch part.kind {
        case .body: return "body text"
        case .enclosedMessage: return "enclosed message (\(part.contentType))"
        case .attachment:
            let name = part.filename.isEmpty ? "no filename" : part.filename
            let detected = part.detectedType.map { ", read as \($0)" } ?? ""
            return "\(name) (\(part.contentType)\(detected))"
        }
    }

    static func handling(_ part: MessagePart) -> String {
        switch part.handling {
        case .read: "read"
        case .media: "picture, sound or film: not read for text"
        case .textless: "carries no text (attachments.textless_types)"
        case .program: "a program: not read"
        case .unscannable: "not read" + (part.unreadReason.map { ": \($0)" } ?? "")
        }
    }

    static func problemText(_ problem: ScanProblem) -> String {
        problem.message + (problem.leavesContentUnscanned ? " (not scanned)" : "")
    }

    /// Decisions recorded before part lists: the parts named by findings or problems.
    private static func namedPartRows(_ report: ScanReport) -> [[String: Any]] {
        var byPlace: [String: (findings: Int, problems: [String])] = [:]
        var order: [String] = []
        for finding in report.findings {
            let place = finding.location.isAttachment || finding.location.kind == .body
                ? "\(finding.location.partPath) \(finding.location.description)" : "headers"
            if byPlace[place] == nil { order.append(place) }
            byPlace[place, default: (0, [])].findings += 1
        }
        for problem in report.problems {
            let place = problem.location
            if byPlace[place] == nil { order.append(place) }
            byPlace[place, default: (0, [])].problems.append(problemText(problem))
        }
        return order.map { place in
            let entry = byPlace[place] ?? (0, [])
            let handling = entry.problems.isEmpty ? "read" : (entry.problems.joined(separator: "; "))
            return ["place": place, "size": "", "findings": entry.findings, "handling": handling]
        }
    }
}

extension DecisionView {
    /// What the sender did from their notice's link: asked for release, released or
    /// withdrew it, when, and in their words.
    static func selfServiceValues(_ action: SelfServiceAction) -> [String: Any] {
        let what = switch action.kind {
        case .request: "asked for release"
        case .release: "released it"
        case .withdraw: "withdrew it"
        }
        return [
            "hasSelfService": true, "selfServiceRequested": action.kind == .request, "selfServiceWhat": what,
            "selfServiceSender": action.sender, "selfServiceWhen": ViewFormatting.time(action.occurredAt),
            "selfServiceJustification": action.justification ?? "—",
        ]
    }
}
