import Foundation
import Logging
import ServiceLogging
import Synchronization
import Testing

/// The log format under systemd's journal and on a terminal, through a real `Logger`.
@Suite struct ServiceLogHandlerTests {
    /// Collects the lines a handler writes.
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    static func logger(environment: [String: String], into lines: Lines, level: Logger.Level = .info) -> Logger {
        Logger(label: "chaperone.milter") { label in
            ServiceLogHandler(label: label, level: level, environment: environment, write: { lines.append($0) })
        }
    }

    @Test func underTheJournalEachLineHasThePriorityAndNoTimestamp() {
        let lines = Lines()
        let logger = Self.logger(environment: ["JOURNAL_STREAM": "8:12345"], into: lines, level: .debug)
        logger.error("decision not recorded", metadata: ["decision": "CH-7Q2", "error": "disk I/O error"])
        logger.warning("fail action applied", metadata: ["reason": "scan deadline"])
        logger.notice("stopping")
        logger.info("decided", metadata: ["action": "accept", "sections": ["3", "8"]])
        logger.debug("detail")
        logger.critical("cannot start")
        #expect(lines.all == [
            "<3>decision not recorded decision=CH-7Q2 error=\"disk I/O error\"\n",
            "<4>fail action applied reason=\"scan deadline\"\n",
            "<5>stopping\n",
            "<6>decided action=accept sections=3,8\n",
            "<7>detail\n",
            "<2>cannot start\n",
        ])
    }

    @Test func withoutTheJournalLinesCarryATimestampLevelAndLabel() throws {
        let lines = Lines()
        let logger = Self.logger(environment: [:], into: lines)
        logger.warning("closing idle milter connection", metadata: ["limit": "milter.idle_timeout_seconds"])
        let line = try #require(lines.all.first)
        let pattern = #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z warning chaperone\.milter: closing idle milter connection limit=milter\.idle_timeout_seconds\n$/#
        #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
        #expect(!line.hasPrefix("<"))
    }

    @Test func oneEventIsAlwaysOneLineAndValuesAreQuotedWhereNeeded() {
        let lines = Lines()
        let logger = Self.logger(environment: ["JOURNAL_STREAM": "8:1"], into: lines)
        logger.error("reload refused\nsecond line", metadata: [
            "error": "bad.yaml:4: \"x\" =\ty", "empty": "", "nested": ["port": "8891"], "plain": "CH-1",
        ])
        #expect(lines.all == [#"<3>reload refused\nsecond line empty="" error="bad.yaml:4: \"x\" =\ty" nested.port=8891 plain=CH-1"# + "\n"])
    }

    @Test func anEmptyJournalStreamIsNotTheJournal() throws {
        let lines = Lines()
        Self.logger(environment: ["JOURNAL_STREAM": ""], into: lines).info("decided")
        #expect(try #require(lines.all.first).contains(" info chaperone.milter: decided"))
    }

    @Test func metadataKeysAreSortedSoLinesCompare() {
        #expect(KeyValueMetadata.pairs(["b": "2", "a": "1", "c": "x y"]) == #"a=1 b=2 c="x y""#)
    }
}
