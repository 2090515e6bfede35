/// The macros a filter asks the MTA to send at one stage (`SMFIR_SETSYMLIST` data inside
/// the option-negotiation reply). Names are written as the MTA spells them: one letter
/// bare (`i`), longer ones in braces (`{auth_authen}`).
public struct MilterMacroRequest: Hashable, Sendable {
    public var stage: MilterMacroStage
    public var names: [String]

    public init(stage: MilterMacroStage, names: [String]) {
        self.stage = stage
        self.names = names
    }
}
