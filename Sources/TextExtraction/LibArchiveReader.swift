import CLibArchive
import ChaperoneModel

/// One archive held in memory, read through libarchive: members one after another, and
/// each member's bytes up to a budget. Only in-process decoders are enabled (no filter
/// that runs an external program), and no passphrase is ever given, so encrypted members
/// report themselves instead of being read. Not shared between threads.
final class LibArchiveReader {
    /// The formats an archive may be in.
    enum Formats {
        /// ZIP containers (plain, OOXML, OpenDocument, ZIP64), read by their central directory.
        case zip
        /// tar, 7z, RAR, cpio and ZIP, optionally inside gzip / bzip2 / xz / zstd / lz4,
        /// or a single compressed file (`report.csv.gz`).
        case any
    }

    /// One member's header.
    struct Entry {
        var name: String
        var isFile: Bool
        var isEncrypted: Bool
        /// The size the header declares, when it declares one.
        var declaredSize: Int?
    }

    /// What reading a member's bytes gave.
    enum Data {
        case bytes([UInt8])
        /// The member inflates past the budget; nothing of it is returned.
        case overBudget
        /// libarchive could not decode it (encrypted, damaged or truncated).
        case failed
    }

    /// What the next header gave.
    enum Next {
        case entry(Entry)
        case end
        /// The archive's structure is damaged or its headers are encrypted.
        case failed
    }

    private let handle: OpaquePointer
    private let storage: UnsafeMutableRawBufferPointer
    /// True once the archive has been opened (its format recognised).
    private(set) var isOpen = false

    init?(_ bytes: [UInt8], formats: Formats) {
        guard !bytes.isEmpty, let handle = archive_read_new() else { return nil }
        self.handle = handle
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
        storage.copyBytes(from: bytes)
        Self.enable(formats, on: handle)
        isOpen = archive_read_open_memory(handle, storage.baseAddress, storage.count) == ARCHIVE_OK
        guard isOpen else { return nil }
    }

    deinit {
        archive_read_free(handle)
        storage.deallocate()
    }

    private static func enable(_ formats: Formats, on handle: OpaquePointer) {
        // The central directory is what every unzip tool shows; a ZIP without one is damaged.
        archive_read_support_format_zip_seekable(handle)
        guard formats == .any else { return }
        for enableFilter in [archive_read_support_filter_gzip, archive_read_support_filter_bzip2,
                             archive_read_support_filter_xz, archive_read_support_filter_lzma,
                             archive_read_support_filter_zstd, archive_read_support_filter_lz4] {
            _ = enableFilter(handle)
        }
        for enableFormat in [archive_read_support_format_tar, archive_read_support_format_gnutar,
                             archive_read_support_format_7zip, archive_read_support_format_rar,
                             archive_read_support_format_rar5, archive_read_support_format_cpio,
                             archive_read_support_format_raw] {
            _ = enableFormat(handle)
        }
    }

    /// Whether the archive is a bare compressed stream (libarchive's "raw" format).
    var isRawStream: Bool { archive_format(handle) == ARCHIVE_FORMAT_RAW }

    func next() -> Next {
        var entry: OpaquePointer?
        let status = archive_read_next_header(handle, &entry)
        if status == ARCHIVE_EOF { return .end }
        guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else { return .failed }
        let name = archive_entry_pathname_utf8(entry).map { String(cString: $0) }
            ?? archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
        let type = archive_entry_filetype(entry)
        return .entry(Entry(name: name, isFile: type == 0o100000 || type == 0,
                            isEncrypted: archive_entry_is_encrypted(entry) != 0,
                            declaredSize: archive_entry_size_is_set(entry) != 0 ? Int(archive_entry_size(entry)) : nil))
    }

    /// The current member's bytes, stopping (and discarding them) once more than `budget`
    /// bytes come out.
    func data(budget: Int) -> Data {
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { archive_read_data(handle, $0.baseAddress, $0.count) }
            if count == 0 { return .bytes(output) }
            if count < 0 { return count == Int(ARCHIVE_WARN) ? .bytes(output) : .failed }
            if ScanCancellation.shouldStop(at: .decoderChunk) { return .failed }
            guard output.count + count <= budget else { return .overBudget }
            output.append(contentsOf: chunk[0..<count])
        }
    }
}
