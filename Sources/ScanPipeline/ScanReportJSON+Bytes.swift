import ChaperoneModel

extension ScanReportJSON {
    /// The same line as `ScanReportJSON(file:report:).jsonLine()` (a test holds them
    /// equal over every sample), written as bytes without `JSONEncoder`: `chaperone scan
    /// --json` prints this. The findings are written straight from the report's, with no
    /// `FindingJSON` made for each. Keys are in the sorted order `jsonLine()` uses; a
    /// field added to `encode(to:)` must be added here too, or that test fails.
    public static func lineBytes(file: String, report: ScanReport) -> [UInt8] {
        var summary = report
        summary.findings = []
        return ScanReportJSON(file: file, report: summary).lineBytes(findings: report.findings)
    }

    private func lineBytes(findings: [Finding]) -> [UInt8] {
        var writer = JSONByteWriter(capacity: 512 + findings.count * 200 + explanation.utf8.count)
        writer.beginObject()
        writer.key("action"); writer.string(action)
        writer.key("decision_id"); writer.string(decision_id)
        writer.key("explanation"); writer.string(explanation)
        writer.key("file"); writer.string(file)
        writer.key("findings"); writer.beginArray()
        for finding in findings { Self.write(finding, to: &writer) }
        writer.endArray()
        writer.key("governing_sections"); writer.strings(governing_sections)
        writer.key("message_id"); writer.string(message_id)
        writer.key("problems"); writer.strings(problems)
        writer.key("recipients"); writer.beginArray()
        for recipient in recipients {
            writer.beginObject()
            writer.key("address"); writer.string(recipient.address)
            writer.key("class"); writer.string(recipient.`class`)
            if let list = recipient.list { writer.key("list"); writer.string(list) }
            writer.endObject()
        }
        writer.endArray()
        writer.key("recipients_rewritten"); writer.bool(recipients_rewritten)
        writer.key("rules"); writer.strings(rules)
        writer.key("scan_ms"); writer.double(scan_ms)
        writer.key("scanned"); writer.bool(scanned)
        writer.key("school"); writer.string(school)
        writer.key("school_id"); writer.string(school_id)
        writer.key("sections"); writer.strings(sections)
        writer.key("sender"); writer.beginObject()
        writer.key("address"); writer.string(sender.address)
        writer.key("basis"); writer.string(sender.basis.rawValue)
        if let forwardedBy = sender.forwardedBy { writer.key("forwarded_by"); writer.string(forwardedBy) }
        if let pupil = sender.pupilKey { writer.key("pupil"); writer.string(pupil) }
        writer.key("reason"); writer.string(sender.reason)
        writer.key("role"); writer.string(sender.role.rawValue)
        writer.key("rules"); writer.string(sender.rules.rawValue)
        writer.key("scanned"); writer.bool(sender.scanned)
        writer.endObject()
        writer.key("sender_role"); writer.string(sender_role)
        if let shadow {
            writer.key("shadow"); writer.beginObject()
            writer.key("action"); writer.string(shadow.action)
            writer.key("rules"); writer.beginArray()
            for rule in shadow.rules {
                writer.beginObject()
                writer.key("live_action"); writer.string(rule.live_action)
                writer.key("rule"); writer.string(rule.rule)
                writer.key("shadow_action"); writer.string(rule.shadow_action)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.key("size_bytes"); writer.int(size_bytes)
        writer.endObject()
        return writer.bytes
    }
}

extension ScanReportJSON {
    /// One finding as `FindingJSON` encodes it (confidence rounded to hundredths).
    private static func write(_ finding: Finding, to writer: inout JSONByteWriter) {
        writer.beginObject()
        writer.key("confidence"); writer.hundredths(finding.confidence)
        if let detail = finding.detail { writer.key("detail"); writer.string(detail) }
        writer.key("detector"); writer.string(finding.detector.rawValue)
        writer.key("evidence"); writer.string(finding.evidence)
        writer.key("location"); write(finding.location, to: &writer)
        writer.key("pupil"); writer.string(finding.pupil)
        writer.key("rules"); writer.strings(finding.rules)
        writer.key("section"); writer.string(finding.sections.last?.rawValue)
        writer.key("sections"); writer.beginArray()
        for section in finding.sections { writer.string(section.rawValue) }
        writer.endArray()
        writer.endObject()
    }

    /// The location as a JSON string, `TextLocation.description` escaped, written from
    /// its parts: each row of a list has its own location, and no String is made for it.
    /// `ScanReportJSONBytesTests` holds this equal to the description for every kind.
    private static func write(_ location: TextLocation, to writer: inout JSONByteWriter) {
        writer.beginString()
        switch location.kind {
        case .header: writer.stringContents("header:"); writer.stringContents(location.name)
        case .body: writer.stringContents("body:"); writer.stringContents(location.partPath)
        case .attachment:
            writer.stringContents("attachment:"); writer.stringContents(location.name)
            if let detail = location.detail { writer.stringContents("#"); writer.stringContents(detail) }
        case .attachmentName: writer.stringContents("attachment-name:"); writer.stringContents(location.name)
        }
        writer.endString()
    }
}
