import ArgumentParser
import Review

/// `chaperone quarantine delete ID --reason R`: removes a held message for good.
struct QuarantineDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a held message: its stored copy, the only one, is removed at once.")

    @OptionGroup var review: ReviewActionOptions<QuarantineDelete>

    func run() async throws {
        try await review.workflow().delete(decisionID: review.id, reviewer: review.actingReviewer, reason: review.reason)
        print("Deleted \(review.id).")
    }
}

extension QuarantineDelete: ReviewActionWording {
    static let reasonHelp = "Why it is deleted (recorded in the audit trail)."
    static let reviewerDoing = "deleting"
}
