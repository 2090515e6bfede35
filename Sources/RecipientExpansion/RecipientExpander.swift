import ChaperoneModel
import Foundation

/// The production `RecipientExpanding`: the configured list file first, then the
/// running Postfix's `virtual_alias_maps` and `alias_maps`, behind a short cache.
/// Only envelope recipients on a school domain are expanded (what they reach is
/// followed wherever it leads).
public struct RecipientExpander: RecipientExpanding {
    public let resolver: AliasResolver
    public let schoolDomains: [String]
    /// The cache in front of the tables, for statistics and measurement.
    public let cache: CachedAliasLookup

    public init(lookup: any AliasLookup, settings: Configuration.Expansion, schoolDomains: [String]) {
        let cache = CachedAliasLookup(lookup, seconds: settings.cacheSeconds, maxEntries: settings.cacheEntries)
        self.cache = cache
        self.resolver = AliasResolver(lookup: cache, maxDepth: settings.maxDepth, maxAddresses: settings.maxAddresses)
        self.schoolDomains = schoolDomains.map { $0.lowercased() }
    }

    /// Builds the expander the configuration asks for, reading the list file now; nil
    /// when `expansion` names neither a Postfix nor a list file.
    public static func make(configuration: Configuration) throws(ExpansionError) -> RecipientExpander? {
        let settings = configuration.expansion
        guard settings.isEnabled else { return nil }
        var lookups: [any AliasLookup] = []
        if let file = settings.listFile {
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw .listFile(file: file, line: 0, reason: "cannot be read: check expansion.list_file and its permissions")
            }
            defer { try? handle.close() }
            let data = (try? handle.read(upToCount: settings.maxListBytes + 1)) ?? Data()
            lookups.append(try ListFileParser.parse([UInt8](data), file: file, maxBytes: settings.maxListBytes))
        }
        if let directory = settings.postfixConfigDirectory {
            let programs = PostfixPrograms(
                configDirectory: directory, timeoutSeconds: settings.lookupTimeoutSeconds, maxOutputBytes: settings.maxListBytes)
            lookups.append(PostfixAliasLookup(
                postfix: programs, settingsSeconds: max(settings.cacheSeconds, 1), maxIncludeBytes: settings.maxListBytes))
        }
        return RecipientExpander(lookup: ChainedAliasLookup(lookups), settings: settings, schoolDomains: configuration.servedDomains)
    }

    public func expand(_ envelope: Envelope) throws(ExpansionError) -> Envelope {
        var expanded = envelope
        expanded.expansion = try resolver.expand(envelope.recipients) { isSchoolAddress($0) }
        return expanded
    }

    func isSchoolAddress(_ address: String) -> Bool {
        guard let at = address.lastIndex(of: "@") else { return false }
        let domain = address[address.index(after: at)...]
        return schoolDomains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }
}
