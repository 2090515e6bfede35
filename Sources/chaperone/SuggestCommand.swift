import ArgumentParser
import Foundation
import Learning
import Store

/// `chaperone suggest`: configuration changes proposed from reviewed holds, the review
/// precision behind them, and accepting one into the learned include file.
struct SuggestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose configuration changes learned from reviewed holds, and accept them.",
        discussion: """
            Holds released as false positives, released, or deleted (confirmed) over learning.review_days are \
            counted per rule, detector, special-category term, pupil and outside domain (suggest precision). \
            From them: a domain released often becomes a partner, a rule nearly always released tags instead \
            of holding, a term or a pupil's name that is mostly a false positive is ignored or needs context \
            (thresholds under learning:). Nothing changes until a person runs suggest accept ID, which writes \
            a commented entry to learning.learned_file, audited with the real user; serve applies it on SIGHUP.
            """,
        subcommands: [SuggestList.self, SuggestPrecision.self, SuggestAccept.self],
        defaultSubcommand: SuggestList.self
    )
}

/// `chaperone suggest list`: the suggestions the reviews support now.
struct SuggestList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the suggestions the reviews support now.")

    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Flag(help: "Print JSON Lines, one suggestion a line.") var json = false

    func run() async throws {
        let configuration = try store.loadedConfiguration()
        let suggestions = try await store.withWebStore(configuration) { database in
            try await SuggestionAcceptance(configuration: configuration, store: database).current()
        }
        if json {
            for suggestion in suggestions { JSONLines.print(SuggestionLine(suggestion)) }
            return
        }
        guard !suggestions.isEmpty else {
            print("No suggestions: no rule, term, pupil or domain has reviews past the learning: thresholds (last \(configuration.learning.reviewDays) days).")
            return
        }
        for suggestion in suggestions {
            print(SuggestionText.render(suggestion))
        }
        print("Accept one with: chaperone suggest accept ID")
    }
}

/// `chaperone suggest precision`: how holds fared in review, per rule, detector, term,
/// pupil and domain.
struct SuggestPrecision: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "precision", abstract: "Show review precision per rule, detector, term, pupil and outside domain.")

    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Option(help: "The period: 90d, 12h, or an ISO date (default: learning.review_days).") var since: String?
    @Flag(help: "Print JSON Lines, one entry a line.") var json = false

    func validate() throws {
        _ = try QuarantineCommand.sinceDate(since)
    }

    func run() async throws {
        let configuration = try store.loadedConfiguration()
        let start = try QuarantineCommand.sinceDate(since)
            ?? Date().addingTimeInterval(-Double(configuration.learning.reviewDays) * 86_400)
        let precision = try await store.withWebStore(configuration) { database in
            try await database.reviewPrecision(since: start, schools: nil)
        }
        if json {
            for entry in precision.entries { JSONLines.print(PrecisionLine(entry)) }
        } else {
            print(SuggestionText.render(precision), terminator: "")
        }
    }
}

/// `chaperone suggest accept ID`: writes one suggestion to the learned file, audited.
struct SuggestAccept: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: "Accept a suggestion: write it to the learned file (applied on the next SIGHUP).")

    @OptionGroup var store: QuarantineCommand.StoreOptions
    @Argument(help: "The suggestion's id, as suggest lists it (e.g. partner:carers-trust.org.uk).") var id: String
    @Option(help: "Your name, recorded with your login in the audit trail.") var reviewer: String?
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let configuration = try store.loadedConfiguration()
        let actor = QuarantineCommand.reviewer(reviewer)
        let accepted: (suggestion: Suggestion, path: String)
        do {
            accepted = try await store.withWebStore(configuration) { database in
                try await SuggestionAcceptance(configuration: configuration, store: database).accept(id: id, actor: actor)
            }
        } catch let refusal as SuggestionAcceptance.Refusal {
            throw CommandFailure.refused(refusal.description)
        } catch let error as LearnedFileWriter.WriteError {
            throw CommandFailure.input(error.description)
        }
        if json {
            JSONLines.print(SuggestionLine(accepted.suggestion, learnedFile: accepted.path))
        } else {
            print("Accepted \(accepted.suggestion.id): \(accepted.suggestion.change).")
            print("Written to \(accepted.path); check it with chaperone check-config and reload serve (SIGHUP) to apply it.")
        }
    }
}
