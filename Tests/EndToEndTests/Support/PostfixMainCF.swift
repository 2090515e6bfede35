import Foundation

/// main.cf text with each parameter set once. Postfix reads a repeated parameter's last
/// value but warns "overriding earlier entry" in every process that reads main.cf; with
/// `maillog_file` set, postlogd sends its own start-up warnings to its own datagram
/// socket, and once `net.unix.max_dgram_qlen` (10) warnings from it and the other
/// daemons are queued there it blocks writing to itself: the master never logs "daemon
/// started" and no smtpd answers. (This was the gateway test's "hang at start".)
enum PostfixMainCF {
    /// `base` with each setting of `overrides` put in place of the base's setting of the
    /// same name (or appended when the base has none). Comments and blank lines of
    /// `base` are kept; those of `overrides` are dropped. Continuation lines (starting
    /// with white space) belong to the setting above them.
    static func merged(_ base: String, _ overrides: String) -> String {
        var lines = logicalLines(base)
        for setting in logicalLines(overrides) {
            guard let name = parameterName(setting) else { continue }
            let earlier = lines.indices.filter { parameterName(lines[$0]) == name }
            if let first = earlier.first {
                lines[first] = setting
                for index in earlier.dropFirst().reversed() { lines.remove(at: index) }
            } else {
                lines.append(setting)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The names set more than once in `text` (empty for a well-formed main.cf).
    static func repeatedParameters(_ text: String) -> [String] {
        var seen: Set<String> = [], repeated: [String] = []
        for name in logicalLines(text).compactMap(parameterName) where !seen.insert(name).inserted {
            repeated.append(name)
        }
        return repeated
    }

    /// Lines with their continuation lines joined by "\n" (comments and blanks kept).
    private static func logicalLines(_ text: String) -> [String] {
        var result: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let isContinuation = line.first == " " || line.first == "\t"
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if isContinuation, !trimmed.isEmpty, !trimmed.hasPrefix("#"), let last = result.last, parameterName(last) != nil {
                result[result.count - 1] = last + "\n" + line
            } else {
                result.append(line)
            }
        }
        while result.last == "" { result.removeLast() }
        return result
    }

    /// `name` of a `name = value` line; nil for comments, blanks and continuations.
    private static func parameterName(_ line: String) -> String? {
        guard let first = line.first, first != "#", first != " ", first != "\t",
            let equals = line.firstIndex(of: "=")
        else { return nil }
        let name = line[..<equals].trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }
}
