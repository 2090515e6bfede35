import NIOCore

/// What the owner of a `MilterSessionStateMachine` must do after a command.
public enum MilterSessionAction: Hashable, Sendable {
    /// Nothing: the command needs no reply (a no-reply flag, MACRO, ABORT between messages).
    case none
    /// Send this reply.
    case reply(MilterResponse)
    /// MAIL arrived: start a new message; then reply CONTINUE when `replyExpected`.
    case startMessage(replyExpected: Bool)
    /// Add one header to the message being gathered; reply CONTINUE when `replyExpected`.
    case appendHeader(name: String, value: [UInt8], replyExpected: Bool)
    /// The header block ended; reply CONTINUE when `replyExpected`.
    case endHeaders(replyExpected: Bool)
    /// Add a body chunk; when `replyExpected`, answer CONTINUE (or SKIP if negotiated
    /// and no more body is wanted) once the chunk is safely stored.
    case appendBody(ByteBuffer, replyExpected: Bool)
    /// The message is complete: scan it and send the end-of-message replies, then call
    /// `decisionSent()`. `finalChunk` (usually empty) belongs to the body.
    case decide(MilterMessageInfo, finalChunk: ByteBuffer)
    /// Forget the current message (ABORT); no reply.
    case abortMessage
    /// Close the connection (QUIT), no reply.
    case close
}
