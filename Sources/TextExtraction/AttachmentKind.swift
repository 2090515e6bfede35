/// How an attachment's content is read, from its content type and filename extension.
enum AttachmentKind: Equatable {
    case plainText, html, csv, xml, zip, docx, xlsx, pdf, compoundFile, rtf, tnef, other

    init(contentType: String, filename: String) {
        let ext = filename.split(separator: ".").last.map { $0.lowercased() } ?? ""
        let hasExtension = filename.contains(".")
        switch (contentType, hasExtension ? ext : "") {
        case (_, "csv"), (_, "tsv"), ("text/csv", _), ("text/tab-separated-values", _), ("application/csv", _):
            self = .csv
        case (_, "htm"), (_, "html"), ("text/html", _):
            self = .html
        case (_, "xml"), ("application/xml", _), ("text/xml", _):
            self = .xml
        case (_, "docx"), (_, "docm"), (_, "dotx"), ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _):
            self = .docx
        case (_, "xlsx"), (_, "xlsm"), (_, "xltx"), ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _):
            self = .xlsx
        case (_, "pdf"), ("application/pdf", _), ("application/x-pdf", _):
            self = .pdf
        case (_, "zip"), ("application/zip", _), ("application/x-zip-compressed", _):
            self = .zip
        case (_, "doc"), (_, "dot"), (_, "xls"), (_, "xlt"), (_, "xla"), (_, "ppt"), (_, "pps"), (_, "pot"), (_, "msg"):
            self = .compoundFile
        case ("application/ms-tnef", _), ("application/vnd.ms-tnef", _), (_, "tnef"),
             (_, "dat") where filename.lowercased().hasSuffix("winmail.dat"):
            self = .tnef
        case (_, "rtf"), ("application/rtf", _), ("application/x-rtf", _), ("text/rtf", _):
            self = .rtf
        case (_, "txt"), (_, "text"), (_, "log"), (_, "md"), (_, "vcf"), (_, "ics"), (_, "json"), ("application/json", _):
            self = .plainText
        case ("application/msword", _), ("application/vnd.ms-excel", _), ("application/vnd.ms-powerpoint", _),
             ("application/vnd.ms-outlook", _), ("application/x-msg", _):
            self = .compoundFile
        default:
            if contentType.hasSuffix("+xml"), !contentType.hasPrefix("image/") {
                self = .xml
            } else {
                self = contentType.hasPrefix("text/") ? .plainText : .other
            }
        }
    }
}
