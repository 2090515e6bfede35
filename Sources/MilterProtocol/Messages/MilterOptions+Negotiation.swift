extension MilterOptions {
    /// The filter's reply to the MTA's offer: what the filter wants, cut down to what
    /// was offered. Fails when the MTA speaks an older version or does not offer an
    /// action the filter cannot work without. Macro lists are kept only when the MTA
    /// offered `SMFIF_SETSYMLIST`.
    public static func negotiate(
        offered: MilterOptions,
        wanted: MilterOptions
    ) throws(MilterProtocolError) -> MilterOptions {
        guard offered.version >= MilterOptions.protocolVersion else {
            throw .unsupportedVersion(offered: offered.version, required: MilterOptions.protocolVersion)
        }
        let required = wanted.actions.subtracting(.setMacroList)
        guard offered.actions.isSuperset(of: required) else {
            throw .actionsNotOffered(wanted: required.rawValue, offered: offered.actions.rawValue)
        }
        let actions = wanted.actions.intersection(offered.actions)
        return MilterOptions(
            version: MilterOptions.protocolVersion,
            actions: actions,
            protocolFlags: wanted.protocolFlags.intersection(offered.protocolFlags),
            macroRequests: actions.contains(.setMacroList) ? wanted.macroRequests : []
        )
    }
}
