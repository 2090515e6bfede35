/// Queries Postfix lookup tables through Postfix's own programs, so every map type the
/// running Postfix supports works (hash, lmdb, cdb, texthash, regexp, pcre, ldap,
/// mysql, pgsql, proxy:…): `postmap -q - MAP` for `virtual_alias_maps`, `postalias -q -
/// MAP` for `alias_maps`, one run per map and batch of keys, and `postconf` for the
/// settings. A protocol so tests can stand in for Postfix.
public protocol PostfixQuerying: Sendable {
    /// The value of each key found in `map`; keys not found are absent.
    func query(map: String, keys: [String], aliasSyntax: Bool) throws(ExpansionError) -> [String: String]
    /// The current mapping settings.
    func settings() throws(ExpansionError) -> PostfixAliasSettings
}

/// The real `PostfixQuerying`: runs `postmap`, `postalias` and `postconf` with
/// `-c configDirectory`, each bounded by `timeoutSeconds`.
public struct PostfixPrograms: PostfixQuerying {
    public let configDirectory: String
    public let timeoutSeconds: Double
    /// Where Postfix's programs are installed.
    public let programDirectory: String
    /// Most bytes of output read from one run (`expansion.max_list_bytes`).
    public let maxOutputBytes: Int

    public init(configDirectory: String, timeoutSeconds: Double, programDirectory: String = "/usr/sbin",
                maxOutputBytes: Int = 16 * 1024 * 1024) {
        self.configDirectory = configDirectory
        self.timeoutSeconds = timeoutSeconds
        self.programDirectory = programDirectory
        self.maxOutputBytes = maxOutputBytes
    }

    public func query(map: String, keys: [String], aliasSyntax: Bool) throws(ExpansionError) -> [String: String] {
        let safe = keys.filter { key in !key.isEmpty && key.unicodeScalars.allSatisfy { $0.value > 32 && $0.value != 127 } }
        guard !safe.isEmpty else { return [:] }
        let program = aliasSyntax ? "postalias" : "postmap"
        let input = Array((safe.joined(separator: "\n") + "\n").utf8)
        let result = try run(program, ["-c", configDirectory, "-q", "-", map], input: input, what: map)
        // 0: some keys found; 1: none found. Anything else, or a fatal/error line, is a failure.
        guard result.status == 0 || result.status == 1, !Self.reportsFailure(result.errors) else {
            throw .lookupFailed(map: map, reason: Self.firstLine(result.errors, status: result.status))
        }
        var answers: [String: String] = [:]
        for line in String(decoding: result.output, as: UTF8.self).split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            var key = String(line[..<tab])
            if aliasSyntax, key.hasSuffix(":") { key.removeLast() }
            answers[key.lowercased()] = String(line[line.index(after: tab)...])
        }
        return answers
    }

    public func settings() throws(ExpansionError) -> PostfixAliasSettings {
        let what = "postconf -c \(configDirectory)"
        let result = try run("postconf", ["-c", configDirectory, "-x", "-h"] + PostfixAliasSettings.parameters, input: [], what: what)
        guard result.status == 0, !Self.reportsFailure(result.errors),
              let settings = PostfixAliasSettings.parse(postconfOutput: String(decoding: result.output, as: UTF8.self)) else {
            throw .lookupFailed(map: what, reason: Self.firstLine(result.errors, status: result.status))
        }
        return settings
    }

    private func run(_ program: String, _ arguments: [String], input: [UInt8], what: String) throws(ExpansionError) -> BoundedProcess.Result {
        let process = BoundedProcess(executable: programDirectory + "/" + program, arguments: arguments, timeoutSeconds: timeoutSeconds, maxOutputBytes: maxOutputBytes)
        switch Result(catching: { () throws(BoundedProcess.Failure) in try process.run(input: input) }) {
        case .success(let result): return result
        case .failure(.timedOut): throw .lookupTimedOut(map: what, seconds: timeoutSeconds)
        case .failure(.outputTooLarge): throw .lookupFailed(map: what, reason: "more than \(maxOutputBytes) bytes of output (expansion.max_list_bytes)")
        case .failure(.couldNotStart(let reason)): throw .lookupFailed(map: what, reason: "could not run \(reason)")
        }
    }

    static func reportsFailure(_ errors: String) -> Bool {
        errors.contains("fatal:") || errors.contains("error:") || errors.contains("panic:")
    }

    static func firstLine(_ errors: String, status: Int32) -> String {
        let line = errors.split(separator: "\n").first { $0.contains("fatal:") || $0.contains("error:") } ?? errors.split(separator: "\n").first
        return line.map(String.init) ?? "exit status \(status)"
    }
}
