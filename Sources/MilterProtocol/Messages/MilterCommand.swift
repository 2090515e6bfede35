import NIOCore

/// A command from the MTA to the filter (`SMFIC_*`), one per frame.
public enum MilterCommand: Hashable, Sendable {
    /// `O`: the MTA's offer of version, actions and protocol flags.
    case optionNegotiation(MilterOptions)
    /// `D`: macros for the command with the given code (`C`, `H`, `M`, `R`, `T`, `L`,
    /// `N`, `B`, `E`); never answered.
    case macros(forCommand: UInt8, [MilterMacro])
    /// `C`: the SMTP client connected.
    case connect(MilterClientInfo)
    /// `H`: HELO/EHLO with its argument.
    case helo(String)
    /// `M`: MAIL FROM: the sender, then its ESMTP arguments.
    case mail(sender: String, arguments: [String])
    /// `R`: RCPT TO: one recipient, then its ESMTP arguments.
    case recipient(String, arguments: [String])
    /// `T`: DATA.
    case data
    /// `L`: one header (value without its leading space unless negotiated; folds as LF).
    case header(name: String, value: [UInt8])
    /// `N`: end of headers.
    case endOfHeaders
    /// `B`: one body chunk (CRLF line ends; cut anywhere).
    case body(ByteBuffer)
    /// `E`: end of message; libmilter allows a final body chunk with it.
    case endOfMessage(finalChunk: ByteBuffer)
    /// `A`: forget the current message, keep the connection.
    case abort
    /// `Q`: close the connection.
    case quit
    /// `K`: quit, but keep the socket for a new connection.
    case quitNewConnection
    /// `U`: an SMTP command the MTA did not recognise.
    case unknown(String)
}
