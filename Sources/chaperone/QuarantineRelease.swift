import ArgumentParser
import Review

/// `chaperone quarantine release ID --reason R`: delivers a held message once.
struct QuarantineRelease: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Release a held message: send the stored copy, once, to the milter-free listener.")

    @OptionGroup var review: ReviewActionOptions<QuarantineRelease>

    func run() async throws {
        try await review.workflow().release(decisionID: review.id, reviewer: review.actingReviewer, reason: review.reason)
        print("Released \(review.id): Postfix accepted the stored copy for delivery.")
    }
}

extension QuarantineRelease: ReviewActionWording {
    static let reasonHelp = "Why it may be delivered (recorded in the audit trail)."
    static let reviewerDoing = "releasing"
}
