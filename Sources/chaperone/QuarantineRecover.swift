import ArgumentParser
import Review

/// `chaperone quarantine recover ID --reason R`: puts back to held a message whose
/// release or delete stopped half way, when Postfix still holds it.
struct QuarantineRecover: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Put a half-released or half-deleted message back to held, if Postfix still holds it.")

    @OptionGroup var review: ReviewActionOptions<QuarantineRecover>

    func run() async throws {
        try await review.workflow().recover(decisionID: review.id, reviewer: review.actingReviewer, reason: review.reason)
        print("\(review.id) is held again; release or delete it as usual.")
    }
}

extension QuarantineRecover: ReviewActionWording {
    static let reasonHelp = "Why it is recovered (recorded in the audit trail)."
    static let reviewerDoing = "recovering"
}
