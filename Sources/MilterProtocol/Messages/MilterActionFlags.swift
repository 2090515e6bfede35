/// The modifications a filter may request at end of message (`SMFIF_*`), offered by the
/// MTA and chosen by the filter during option negotiation.
public struct MilterActionFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `SMFIF_ADDHDRS`: add and insert headers.
    public static let addHeaders = MilterActionFlags(rawValue: 0x01)
    /// `SMFIF_CHGBODY`: replace the body.
    public static let changeBody = MilterActionFlags(rawValue: 0x02)
    /// `SMFIF_ADDRCPT`: add envelope recipients.
    public static let addRecipient = MilterActionFlags(rawValue: 0x04)
    /// `SMFIF_DELRCPT`: remove envelope recipients.
    public static let deleteRecipient = MilterActionFlags(rawValue: 0x08)
    /// `SMFIF_CHGHDRS`: change or delete headers.
    public static let changeHeaders = MilterActionFlags(rawValue: 0x10)
    /// `SMFIF_QUARANTINE`: put the message on hold.
    public static let quarantine = MilterActionFlags(rawValue: 0x20)
    /// `SMFIF_CHGFROM`: replace the envelope sender.
    public static let changeSender = MilterActionFlags(rawValue: 0x40)
    /// `SMFIF_ADDRCPT_PAR`: add recipients with ESMTP arguments.
    public static let addRecipientWithArguments = MilterActionFlags(rawValue: 0x80)
    /// `SMFIF_SETSYMLIST`: choose the macros sent at each stage.
    public static let setMacroList = MilterActionFlags(rawValue: 0x100)
}
