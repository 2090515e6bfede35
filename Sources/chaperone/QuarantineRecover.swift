import ArgumentParser
import Foundation
import Review
import Store

/// `chaperone quarantine recover ID... --reason R [--mail-log FILE]...`: settles a release
/// that stopped half way (the command was killed after claiming the message). If the
/// mail log shows Postfix took the copy (its `X-Chaperone-Release` header, logged by
/// the listener's header_checks, see deploy/postfix), it is recorded released and never
/// sent again; otherwise it is held again, to be released or deleted as usual.
struct QuarantineRecover: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Settle a release that stopped half way, using the mail log to tell whether it went out.")

    @OptionGroup var review: ReviewActionOptions<QuarantineRecover>
    @Option(name: .customLong("mail-log"), help: "Postfix's mail log (repeat for rotated ones).")
    var mailLogs: [String] = ["/var/log/mail.log"]

    func run() async throws {
        var logs: [(path: String, contents: Data)] = []
        for path in mailLogs {
            guard let contents = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
                throw ReviewError.mailLogUnreadable(path: path)
            }
            logs.append((path, contents))
        }
        try await ReviewBatch(options: review, verb: "Recover").run { workflow, id in
            let outcome = try await workflow.recover(decisionID: id, mailLogs: logs, reviewer: review.actingReviewer, reason: review.reason)
            switch outcome {
            case .recordedReleased(let file):
                return .init(result: "released", text: "\(id) went out before the interruption (its release header is in \(file)); recorded released.")
            case .heldAgain:
                return .init(result: "held", text: "\(id) did not go out (no release header in the mail log); it is held again: release or delete it as usual.")
            case .deleted:
                return .init(result: "deleted", text: "\(id) was half deleted by an older version; the delete is finished.")
            }
        }
    }
}

extension QuarantineRecover: ReviewActionWording {
    static let reasonHelp = "Why it is recovered (recorded in the audit trail)."
    static let reviewerDoing = "recovering"
    static let stateForAll = QuarantineState.releasing
}
