import ArgumentParser
import Review

/// `chaperone quarantine delete ID... --reason R`: removes held messages for good.
struct QuarantineDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete held messages: each stored copy, the only one, is removed at once.")

    @OptionGroup var review: ReviewActionOptions<QuarantineDelete>

    func run() async throws {
        try await ReviewBatch(options: review, verb: "Delete").run { workflow, id in
            try await workflow.delete(decisionID: id, reviewer: review.actingReviewer, reason: review.reason)
            return .init(result: "deleted", text: "Deleted \(id).")
        }
    }
}

extension QuarantineDelete: ReviewActionWording {
    static let reasonHelp = "Why it is deleted (recorded in the audit trail)."
    static let reviewerDoing = "deleting"
}
