import ArgumentParser
import Review

/// `chaperone quarantine release ID... --reason R`: delivers each held message once.
struct QuarantineRelease: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Release held messages: send each stored copy, once, to the milter-free listener.")

    @OptionGroup var review: ReviewActionOptions<QuarantineRelease>

    func run() async throws {
        try await ReviewBatch(options: review, verb: "Release").run { workflow, id in
            try await workflow.release(decisionID: id, reviewer: review.actingReviewer, reason: review.reason)
            return .init(result: "released", text: "Released \(id): Postfix accepted the stored copy for delivery.")
        }
    }
}

extension QuarantineRelease: ReviewActionWording {
    static let reasonHelp = "Why it may be delivered (recorded in the audit trail)."
    static let reviewerDoing = "releasing"
}
