import Foundation

/// One expansion step the way Postfix takes it. `virtual_alias_maps` (cleanup(8)) is
/// asked, map by map, for `user+ext@domain`, `user@domain`, then for a local domain
/// `user+ext` and `user`, then `@domain`; the first key found wins. An address on a
/// local domain that no virtual alias matched is then looked up in `alias_maps`
/// (local(8)) as `user+ext`, then `user`. A bare name in a result gets `@myorigin`;
/// `:include:` files are read; program and file deliveries stay on the mail host and
/// are dropped. Each map is queried once per batch of keys.
public struct PostfixAliasLookup: AliasLookup {
    let postfix: any PostfixQuerying
    let settings: SettingsCache
    /// Largest `:include:` file read (`expansion.max_list_bytes`).
    let maxIncludeBytes: Int

    /// - Parameter settingsSeconds: how long the `postconf` answer is reused before the
    ///   map names are read again (so a changed main.cf is picked up without a reload).
    public init(postfix: any PostfixQuerying, settingsSeconds: Double, maxIncludeBytes: Int = 16 * 1024 * 1024) {
        self.postfix = postfix
        self.maxIncludeBytes = maxIncludeBytes
        self.settings = SettingsCache(seconds: settingsSeconds)
    }

    public func targets(of addresses: [String]) throws(ExpansionError) -> [String: [String]] {
        let settings = try self.settings.value { () throws(ExpansionError) in try postfix.settings() }
        var answers: [String: [String]] = [:]
        let virtualKeys = Dictionary(uniqueKeysWithValues: addresses.map { ($0, Self.virtualKeys($0, settings)) })
        let found = try query(settings.virtualAliasMaps, keys: virtualKeys.values.flatMap { $0 }, aliasSyntax: false)
        for address in addresses {
            if let value = Self.firstAnswer(keys: virtualKeys[address] ?? [], maps: settings.virtualAliasMaps, found: found) {
                answers[address] = try resolve(value, settings: settings)
            }
        }
        let local = addresses.filter { answers[$0] == nil && settings.localDomains.contains(Self.domain($0)) }
        guard !local.isEmpty, !settings.aliasMaps.isEmpty else { return answers }
        let aliasKeys = Dictionary(uniqueKeysWithValues: local.map { ($0, Self.localKeys($0, settings)) })
        let aliases = try query(settings.aliasMaps, keys: aliasKeys.values.flatMap { $0 }, aliasSyntax: true)
        for address in local {
            if let value = Self.firstAnswer(keys: aliasKeys[address] ?? [], maps: settings.aliasMaps, found: aliases) {
                answers[address] = try resolve(value, settings: settings)
            }
        }
        return answers
    }

    private func query(_ maps: [String], keys: [String], aliasSyntax: Bool) throws(ExpansionError) -> [String: [String: String]] {
        let unique = Array(Set(keys)).sorted()
        var found: [String: [String: String]] = [:]
        for map in maps where !unique.isEmpty {
            found[map] = try postfix.query(map: map, keys: unique, aliasSyntax: aliasSyntax)
        }
        return found
    }

    /// Key-major, map-minor, as Postfix's `mail_addr_find` searches.
    static func firstAnswer(keys: [String], maps: [String], found: [String: [String: String]]) -> String? {
        for key in keys {
            for map in maps {
                if let value = found[map]?[key] { return value }
            }
        }
        return nil
    }

    static func virtualKeys(_ address: String, _ settings: PostfixAliasSettings) -> [String] {
        let (local, domain) = split(address)
        let base = baseLocalPart(local, settings.recipientDelimiters)
        var keys = [address]
        if base != local { keys.append(base + "@" + domain) }
        if settings.localDomains.contains(domain) { keys += localKeys(address, settings) }
        keys.append("@" + domain)
        return keys
    }

    static func localKeys(_ address: String, _ settings: PostfixAliasSettings) -> [String] {
        let local = split(address).local
        let base = baseLocalPart(local, settings.recipientDelimiters)
        return base == local ? [local] : [local, base]
    }

    private func resolve(_ value: String, settings: PostfixAliasSettings) throws(ExpansionError) -> [String] {
        var targets: [String] = []
        for member in AliasValue.split(value) {
            if member.hasPrefix("|") || member.hasPrefix("/") { continue }
            if member.lowercased().hasPrefix(":include:") {
                targets += try Self.include(String(member.dropFirst(":include:".count)), settings: settings, maxBytes: maxIncludeBytes)
            } else if member.contains("@") {
                targets.append(member)
            } else {
                targets.append(member + "@" + settings.myorigin)
            }
        }
        return targets
    }

    static func include(_ path: String, settings: PostfixAliasSettings, maxBytes: Int) throws(ExpansionError) -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .lookupFailed(map: ":include:\(path)", reason: "cannot read the file (check it exists and chaperone may read it)")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
        guard data.count <= maxBytes else {
            throw .lookupFailed(map: ":include:\(path)", reason: "larger than \(maxBytes) bytes (expansion.max_list_bytes)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).filter { !$0.trimmingWhitespace.hasPrefix("#") }
        return lines.flatMap { AliasValue.split(String($0)) }.compactMap { member in
            if member.hasPrefix("|") || member.hasPrefix("/") { return nil }
            return member.contains("@") ? member : member + "@" + settings.myorigin
        }
    }

    static func split(_ address: String) -> (local: String, domain: String) {
        guard let at = address.lastIndex(of: "@") else { return (address, "") }
        return (String(address[..<at]), String(address[address.index(after: at)...]))
    }

    static func domain(_ address: String) -> String { split(address).domain }

    static func baseLocalPart(_ local: String, _ delimiters: String) -> String {
        guard !delimiters.isEmpty, let index = local.firstIndex(where: { delimiters.contains($0) }), index != local.startIndex else {
            return local
        }
        return String(local[..<index])
    }
}

/// The `postconf` answer, reused for a while and shared across threads.
final class SettingsCache: @unchecked Sendable {
    private let lock = NSLock()
    private let seconds: Double
    private var cached: (settings: PostfixAliasSettings, expires: Date)?

    init(seconds: Double) {
        self.seconds = seconds
    }

    func value(_ load: () throws(ExpansionError) -> PostfixAliasSettings) throws(ExpansionError) -> PostfixAliasSettings {
        let now = Date()
        if let cached = lock.withLock({ self.cached }), cached.expires > now { return cached.settings }
        let settings = try load()
        lock.withLock { self.cached = (settings, now.addingTimeInterval(seconds)) }
        return settings
    }
}
