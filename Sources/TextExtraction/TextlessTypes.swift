import ChaperoneModel

/// The `attachments.textless_types` allow-list: content types (`application/pkcs7-signature`)
/// and filename extensions (`.p7s`) of parts that carry no text, such as detached
/// signatures. They are neither read nor reported, unless their bytes turn out to be
/// something readable (a ZIP labelled as a signature is opened).
public struct TextlessTypes: Hashable, Sendable {
    /// The built-in list: detached S/MIME and PGP signatures.
    public static let defaults = Configuration.Attachments().textlessTypes

    let contentTypes: Set<String>
    let extensions: Set<String>

    /// `entries` are lower-cased content types, or extensions written with a leading dot.
    public init(_ entries: [String] = TextlessTypes.defaults) {
        let lowered = entries.map { $0.lowercased() }
        contentTypes = Set(lowered.filter { !$0.hasPrefix(".") })
        extensions = Set(lowered.filter { $0.hasPrefix(".") }.map { String($0.dropFirst()) })
    }

    func contains(contentType: String, filename: String) -> Bool {
        if contentTypes.contains(contentType) { return true }
        guard filename.contains(".") else { return false }
        return extensions.contains(filename.split(separator: ".").last.map { $0.lowercased() } ?? "")
    }
}
