/// Option negotiation (`SMFIC_OPTNEG` / its reply): protocol version, modification
/// actions, protocol flags and, in the filter's reply, the macros wanted per stage.
///
/// ```
/// +---------+---------+----------+ +-------+------------------+ ...
/// | version | actions | protocol | | stage | "name name ..\0" |
/// | uint32  | uint32  | uint32   | | uint32| string           |
/// +---------+---------+----------+ +-------+------------------+ ...
/// ```
public struct MilterOptions: Hashable, Sendable {
    /// The only protocol version Chaperone speaks.
    public static let protocolVersion: UInt32 = 6

    public var version: UInt32
    public var actions: MilterActionFlags
    public var protocolFlags: MilterProtocolFlags
    public var macroRequests: [MilterMacroRequest]

    public init(
        version: UInt32 = MilterOptions.protocolVersion,
        actions: MilterActionFlags,
        protocolFlags: MilterProtocolFlags,
        macroRequests: [MilterMacroRequest] = []
    ) {
        self.version = version
        self.actions = actions
        self.protocolFlags = protocolFlags
        self.macroRequests = macroRequests
    }
}
