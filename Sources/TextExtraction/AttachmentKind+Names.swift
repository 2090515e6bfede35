extension AttachmentKind {
    /// Filename extensions that say how a file is read (they win over a generic label
    /// such as `application/octet-stream`).
    static let byExtension: [String: AttachmentKind] = {
        var table: [String: AttachmentKind] = [:]
        func add(_ kind: AttachmentKind, _ extensions: String) {
            for ext in extensions.split(separator: " ") { table[String(ext)] = kind }
        }
        add(.csv, "csv tsv")
        add(.html, "htm html xhtml")
        add(.xml, "xml")
        add(.pdf, "pdf")
        add(.zip, "zip docx docm dotx dotm xlsx xlsm xltx xltm pptx pptm ppsx ppsm potx odt ods odp odg ott ots otp epub")
        add(.archive, "gz tgz tar bz2 tbz tbz2 xz txz zst tzst 7z rar")
        add(.flatOpenDocument, "fodt fods fodp fodg")
        add(.plainText, "txt text log md vcf ics json")
        add(.legacyOffice, "doc dot xls xlt xlw ppt pps pot")
        add(.outlookMessage, "msg")
        add(.program, "exe scr com msi dll cpl ocx sys")
        add(.rtf, "rtf")
        add(.encrypted("S/MIME (application/pkcs7-mime)"), "p7m")
        add(.encrypted("PGP"), "pgp gpg")
        add(.media("image"), "jpg jpeg png gif heic heif webp bmp tif tiff svg")
        add(.media("video"), "mp4 mov avi mkv webm m4v 3gp wmv")
        add(.media("audio"), "mp3 m4a wav ogg oga flac aac wma amr opus")
        return table
    }()

    /// Content types that say how a part is read when its filename does not.
    static let byContentType: [String: AttachmentKind] = {
        var table: [String: AttachmentKind] = [:]
        func add(_ kind: AttachmentKind, _ types: String) {
            for type in types.split(separator: " ") { table[String(type)] = kind }
        }
        add(.csv, "text/csv text/tab-separated-values application/csv")
        add(.html, "text/html application/xhtml+xml")
        add(.xml, "application/xml text/xml")
        add(.pdf, "application/pdf application/x-pdf")
        add(.zip, """
            application/zip application/x-zip-compressed application/epub+zip \
            application/vnd.openxmlformats-officedocument.wordprocessingml.document \
            application/vnd.openxmlformats-officedocument.spreadsheetml.sheet \
            application/vnd.openxmlformats-officedocument.presentationml.presentation \
            application/vnd.oasis.opendocument.text application/vnd.oasis.opendocument.spreadsheet \
            application/vnd.oasis.opendocument.presentation application/vnd.oasis.opendocument.graphics
            """)
        add(.archive, """
            application/gzip application/x-gzip application/x-tar application/x-gtar application/x-bzip2 \
            application/x-xz application/zstd application/x-7z-compressed application/vnd.rar \
            application/x-rar-compressed application/x-compressed-tar
            """)
        add(.flatOpenDocument, """
            application/vnd.oasis.opendocument.text-flat-xml application/vnd.oasis.opendocument.spreadsheet-flat-xml \
            application/vnd.oasis.opendocument.presentation-flat-xml
            """)
        add(.plainText, "application/json text/plain")
        add(.legacyOffice, "application/msword application/vnd.ms-excel application/vnd.ms-powerpoint")
        add(.outlookMessage, "application/vnd.ms-outlook")
        add(.program, """
            application/x-msdownload application/x-msdos-program application/x-dosexec \
            application/vnd.microsoft.portable-executable application/x-executable
            """)
        add(.rtf, "application/rtf text/rtf text/richtext")
        add(.tnef, "application/ms-tnef application/vnd.ms-tnef")
        add(.encrypted("S/MIME (application/pkcs7-mime)"), "application/pkcs7-mime application/x-pkcs7-mime")
        add(.encrypted("PGP"), "application/pgp-encrypted")
        return table
    }()
}
