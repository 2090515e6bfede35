import ArgumentParser
import Review

/// `chaperone quarantine false-positive ID... --reason R`: labels decisions for policy
/// tuning and releases each message that is still held.
struct QuarantineFalsePositive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "false-positive", abstract: "Label decisions false positives and release the messages still held.")

    @OptionGroup var review: ReviewActionOptions<QuarantineFalsePositive>

    func run() async throws {
        try await ReviewBatch(options: review, verb: "Label as false positives and release").run { workflow, id in
            let released = try await workflow.markFalsePositive(decisionID: id, reviewer: review.actingReviewer, reason: review.reason)
            return released
                ? .init(result: "labelled_and_released", text: "Labelled \(id) a false positive; released.")
                : .init(result: "labelled", text: "Labelled \(id) a false positive; it was not held, so nothing was released.")
        }
    }
}

extension QuarantineFalsePositive: ReviewActionWording {
    static let reasonHelp = "Why it was a mistake (recorded for tuning)."
    static let reviewerDoing = "labelling"
}
