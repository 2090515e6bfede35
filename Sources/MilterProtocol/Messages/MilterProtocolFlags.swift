/// Protocol steps the filter does not want (`SMFIP_NO*`), commands it will not answer
/// (`SMFIP_NR_*`) and protocol extensions (`SMFIP_SKIP`, `SMFIP_HDR_LEADSPC`).
///
/// With a no-reply flag negotiated the filter must stay silent after that command:
/// the MTA does not read a reply, and a stray one desynchronises the stream.
public struct MilterProtocolFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let noConnect = MilterProtocolFlags(rawValue: 0x1)
    public static let noHelo = MilterProtocolFlags(rawValue: 0x2)
    public static let noMail = MilterProtocolFlags(rawValue: 0x4)
    public static let noRecipient = MilterProtocolFlags(rawValue: 0x8)
    public static let noBody = MilterProtocolFlags(rawValue: 0x10)
    public static let noHeaders = MilterProtocolFlags(rawValue: 0x20)
    public static let noEndOfHeaders = MilterProtocolFlags(rawValue: 0x40)
    /// `SMFIP_NR_HDR` (also called `SMFIP_NOHREPL`).
    public static let noReplyHeader = MilterProtocolFlags(rawValue: 0x80)
    public static let noUnknown = MilterProtocolFlags(rawValue: 0x100)
    public static let noData = MilterProtocolFlags(rawValue: 0x200)
    /// The filter may answer a BODY chunk with SKIP.
    public static let skip = MilterProtocolFlags(rawValue: 0x400)
    /// Also send recipients the MTA already rejected.
    public static let rejectedRecipients = MilterProtocolFlags(rawValue: 0x800)
    public static let noReplyConnect = MilterProtocolFlags(rawValue: 0x1000)
    public static let noReplyHelo = MilterProtocolFlags(rawValue: 0x2000)
    public static let noReplyMail = MilterProtocolFlags(rawValue: 0x4000)
    public static let noReplyRecipient = MilterProtocolFlags(rawValue: 0x8000)
    public static let noReplyData = MilterProtocolFlags(rawValue: 0x10000)
    public static let noReplyUnknown = MilterProtocolFlags(rawValue: 0x20000)
    public static let noReplyEndOfHeaders = MilterProtocolFlags(rawValue: 0x40000)
    public static let noReplyBody = MilterProtocolFlags(rawValue: 0x80000)
    /// Header values are sent with their leading space, and ours are taken verbatim.
    public static let headerLeadingSpace = MilterProtocolFlags(rawValue: 0x100000)
}
