/// The protocol stage a list of requested macros belongs to (`SMFIM_*`), used in the
/// macro lists of the filter's option-negotiation reply.
public enum MilterMacroStage: UInt32, CaseIterable, Hashable, Sendable {
    case connect = 0
    case helo = 1
    case mail = 2
    case recipient = 3
    case data = 4
    case endOfMessage = 5
    case endOfHeaders = 6
}
