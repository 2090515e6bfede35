/// A reply from the filter to the MTA (`SMFIR_*`). Modification requests and PROGRESS
/// may precede a final reply; everything else ends the current command.
public enum MilterResponse: Hashable, Sendable {
    /// `O`: the negotiated options.
    case optionNegotiation(MilterOptions)
    /// `c`: go on.
    case `continue`
    /// `a`: accept; no more events for this message.
    case accept
    /// `r`: reject with the MTA's default 5xx text.
    case reject
    /// `d`: accept and silently drop.
    case discard
    /// `t`: temporary failure (`451 4.7.1`).
    case tempfail
    /// `y`: an exact SMTP reply, `"550 5.7.1 text"` (multi-line joined with CRLF).
    case replyCode(String)
    /// `h`: append a header (end of message only).
    case addHeader(name: String, value: String)
    /// `i`: insert a header at a position (0 = first).
    case insertHeader(index: UInt32, name: String, value: String)
    /// `m`: change the index-th (1-based) header of that name; empty value deletes it.
    case changeHeader(index: UInt32, name: String, value: String)
    /// `q`: put the message on hold with a reason.
    case quarantine(reason: String)
    /// `p`: still working; the MTA restarts its timeout.
    case progress
    /// `s`: stop sending body chunks (only when `SMFIP_SKIP` was negotiated).
    case skip

    /// True when this reply ends the MTA's wait for the current command.
    public var isFinal: Bool {
        switch self {
        case .optionNegotiation, .continue, .accept, .reject, .discard, .tempfail, .replyCode, .skip:
            true
        case .addHeader, .insertHeader, .changeHeader, .quarantine, .progress:
            false
        }
    }
}
