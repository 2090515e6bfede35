import ChaperoneModel
import Foundation
import Policy
import Store

/// Accepting one suggestion, for `chaperone suggest accept` and the web app alike: the
/// suggestion is derived again from the store (so only what the evidence still supports
/// can be accepted), appended to the learned file, and audited; if the audit cannot be
/// written the file is put back as it was, so no change goes unaudited.
public struct SuggestionAcceptance: Sendable {
    public let configuration: Configuration
    public let store: any WebStore

    /// Why a suggestion could not be accepted.
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    public init(configuration: Configuration, store: any WebStore) {
        self.configuration = configuration
        self.store = store
    }

    /// The suggestions the store's reviews support now, within `learning.review_days`,
    /// of `schools` only when given.
    public func current(now: Date = Date(), schools: [String]? = nil) async throws -> [Suggestion] {
        let since = now.addingTimeInterval(-Double(configuration.learning.reviewDays) * 86_400)
        let precision = try await store.reviewPrecision(since: since, schools: schools)
        return SuggestionEngine(configuration: try configurationInForce()).suggestions(from: precision)
    }

    /// The configuration with the learned file as it is on disk now, which may be newer
    /// than the one this process loaded (the web app, or another reviewer, accepted one
    /// since): what is already accepted is never suggested or written twice.
    func configurationInForce() throws -> Configuration {
        guard let path = configuration.learning.learnedFile, let text = try LearnedFile(path: path).read() else { return configuration }
        do {
            return configuration.applyingLearned(try LearnedFileLoader.load(yaml: text, source: path))
        } catch {
            throw LearnedFileWriter.WriteError(description: "\(error.description); fix the file (chaperone check-config reports it)")
        }
    }

    /// Accepts the suggestion `id` as `actor`; returns it and the file written.
    @discardableResult
    public func accept(id: String, actor: String, now: Date = Date(), schools: [String]? = nil) async throws
        -> (suggestion: Suggestion, path: String)
    {
        guard let path = configuration.learning.learnedFile else {
            throw Refusal(description: "learning.learned_file is null, so accepted suggestions have nowhere to go: set it (e.g. learned.yaml) and reload")
        }
        guard let suggestion = try await current(now: now, schools: schools).first(where: { $0.id == id }) else {
            throw Refusal(description: "no suggestion '\(id)': the reviews no longer support it, or it is already in force; run chaperone suggest to see the current ones")
        }
        let file = LearnedFile(path: path)
        let before = try file.read()
        let after = try LearnedFileWriter.appending(suggestion, actor: actor, at: now, to: before, source: path)
        try file.replace(with: after)
        do {
            try await store.recordAuditNote(
                actor: actor,
                detail: "accepted suggestion \(suggestion.id): \(suggestion.change); \(suggestion.reason); evidence \(LearnedFileWriter.evidence(of: suggestion)); written to \(path)",
                at: now)
        } catch {
            if let before { try? file.replace(with: before) } else { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
        return (suggestion, path)
    }
}
