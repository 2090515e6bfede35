import Foundation
import ChaperoneModel

extension ConfigurationLoader {
    static var limitKeys: [(String, WritableKeyPath<Limits, Int>, ClosedRange<Int>)] { [
        ("max_message_bytes", \.maxMessageBytes, 1024...2_000_000_000),
        ("max_header_bytes", \.maxHeaderBytes, 1024...100_000_000),
        ("max_line_bytes", \.maxLineBytes, 998...100_000_000),
        ("max_nesting_depth", \.maxNestingDepth, 1...1000),
        ("max_parts", \.maxParts, 1...1_000_000),
        ("max_decoded_bytes", \.maxDecodedBytes, 1024...4_000_000_000),
        ("max_text_bytes", \.maxTextBytes, 1024...2_000_000_000),
        ("max_archive_depth", \.maxArchiveDepth, 0...20),
        ("max_archive_entries", \.maxArchiveEntries, 1...1_000_000),
        ("max_archive_expansion_bytes", \.maxArchiveExpansionBytes, 1024...4_000_000_000),
        ("max_milter_frame_bytes", \.maxMilterFrameBytes, 65_536...64_000_000),
        ("memory_spool_bytes", \.memorySpoolBytes, 0...1_000_000_000),
        ("max_findings_per_detector", \.maxFindingsPerDetector, 1...1_000_000),
    ] }

    static func readLimits(_ field: YAMLField, into limits: inout Limits) throws(ConfigurationError) {
        try field.mapping(known: limitKeys.map(\.0) + ["scan_deadline_seconds"]) { (key, value) throws(ConfigurationError) in
            if key == "scan_deadline_seconds" {
                limits.scanDeadlineSeconds = try value.double(in: 0.1...600)
            } else if let entry = limitKeys.first(where: { $0.0 == key }) {
                limits[keyPath: entry.1] = try value.int(in: entry.2)
            }
        }
    }

    static func readMilter(_ field: YAMLField, into milter: inout Configuration.Milter, base: String?) throws(ConfigurationError) {
        let keys = ["listen", "fail_action", "progress_interval_seconds", "spool_directory", "idle_timeout_seconds", "max_connections",
                    "scan_workers", "max_scan_bytes_in_flight", "admission_wait_seconds"]
        try field.mapping(known: keys) { (key, value) throws(ConfigurationError) in
            switch key {
            case "listen":
                let listen = try value.string()
                guard listen.hasPrefix("inet:") || listen.hasPrefix("unix:") else {
                    throw value.error("'\(listen)' is not a listen address: use inet:127.0.0.1:8891 or unix:/run/chaperone/milter.sock")
                }
                milter.listen = listen
            case "fail_action": milter.failAction = try value.choice(FailAction.self)
            case "progress_interval_seconds": milter.progressIntervalSeconds = try value.double(in: 0.5...300)
            case "idle_timeout_seconds": milter.idleTimeoutSeconds = try value.double(in: 1...86_400)
            case "max_connections": milter.maxConnections = try value.int(in: 1...100_000)
            case "scan_workers": milter.scanWorkers = try value.int(in: 0...1_024)
            case "max_scan_bytes_in_flight": milter.maxScanBytesInFlight = try value.int(in: 1...(1 << 40))
            case "admission_wait_seconds": milter.admissionWaitSeconds = try value.double(in: 0...300)
            default: milter.spoolDirectory = resolve(try value.string(), base: base)
            }
        }
    }

    static func readStore(_ field: YAMLField, into store: inout Configuration.StoreSettings, base: String?) throws(ConfigurationError) {
        let keys = ["database", "quarantine_retention_days", "decision_retention_days", "group_commit_max_rows", "max_pending_rows",
                    "duplicate_window_hours", "url", "password_file", "host_id", "timeout_seconds", "max_connections"]
        try field.mapping(known: keys) { (key, value) throws(ConfigurationError) in
            switch key {
            case "url": store.url = try storeURL(value)
            case "password_file": store.passwordFile = resolve(try value.string(), base: base)
            case "host_id": store.hostID = try value.string()
            case "timeout_seconds": store.timeoutSeconds = try value.double(in: 0.5...600)
            case "max_connections": store.maxConnections = try value.int(in: 1...1_000)
            case "database": store.database = resolve(try value.string(), base: base)
            case "quarantine_retention_days": store.quarantineRetentionDays = try value.int(in: 1...3650)
            case "group_commit_max_rows": store.groupCommitMaxRows = try value.int(in: 1...100_000)
            case "max_pending_rows": store.maxPendingRows = try value.int(in: 1...10_000_000)
            case "duplicate_window_hours": store.duplicateWindowHours = try value.double(in: 0...8760)
            default: store.decisionRetentionDays = try value.int(in: 1...36500)
            }
        }
    }

    /// `store.url`: a PostgreSQL URL with no password in it (the password goes in
    /// `store.password_file`, so that it never shows in `config show` or a log).
    static func storeURL(_ value: YAMLField) throws(ConfigurationError) -> String {
        let text = try value.string()
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "postgresql" || scheme == "postgres", components.host?.isEmpty == false,
              components.user?.isEmpty == false, components.path.count > 1
        else {
            throw value.error("store.url must be postgresql://USER@HOST:PORT/DATABASE")
        }
        guard components.password == nil else {
            throw value.error("store.url must not hold a password: remove it and put it on the first line of the file named by store.password_file")
        }
        return text
    }

    static func readRelease(_ field: YAMLField, into release: inout Configuration.Release) throws(ConfigurationError) {
        try field.mapping(known: ["postfix_config_directory", "reinject_listener"]) { (key, value) throws(ConfigurationError) in
            switch key {
            case "postfix_config_directory":
                throw value.error("release.postfix_config_directory is no longer used: quarantined mail is kept only in the store (Postfix holds nothing) and released through reinject_listener; remove the key")
            default: release.reinjectListener = try hostPort(value)
            }
        }
    }

    static func readNotifications(_ field: YAMLField, into notifications: inout Configuration.Notifications) throws(ConfigurationError) {
        try field.mapping(known: ["enabled", "from_address", "submit_listener", "alert_recipients", "alert_sections"]) { (key, value) throws(ConfigurationError) in
            switch key {
            case "enabled": notifications.enabled = try value.bool()
            case "from_address": notifications.fromAddress = try value.string()
            case "submit_listener": notifications.submitListener = try hostPort(value)
            case "alert_recipients": notifications.alertRecipients = try value.strings()
            default:
                var sections: [Section] = []
                for text in try value.strings() {
                    guard let section = Section(rawValue: text) else {
                        throw value.error("'\(text)' is not an enforced section: use 3, 4, 5, 7, 7.2 or 8 (quoted, e.g. \"7.2\")")
                    }
                    sections.append(section)
                }
                notifications.alertSections = sections
            }
        }
    }

    static func hostPort(_ value: YAMLField) throws(ConfigurationError) -> String {
        let text = try value.string()
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port),
              colon > text.startIndex else {
            throw value.error("'\(text)' is not HOST:PORT, e.g. 127.0.0.1:10026")
        }
        return text
    }
}
