import ArgumentParser
import Review

/// `chaperone quarantine false-positive ID --reason R`: labels the decision for policy
/// tuning and releases the message if it is still held.
struct QuarantineFalsePositive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "false-positive", abstract: "Label a decision a false positive and release the message if still held.")

    @OptionGroup var review: ReviewActionOptions<QuarantineFalsePositive>

    func run() async throws {
        let released = try await review.workflow().markFalsePositive(
            decisionID: review.id, reviewer: review.actingReviewer, reason: review.reason)
        print("Labelled \(review.id) a false positive" + (released ? "; released." : "; it was not held, so nothing was released."))
    }
}

extension QuarantineFalsePositive: ReviewActionWording {
    static let reasonHelp = "Why it was a mistake (recorded for tuning)."
    static let reviewerDoing = "labelling"
}
