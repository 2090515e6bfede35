import NIOCore

extension ByteBuffer {
    mutating func readMilterOptions(code: UInt8) throws(MilterProtocolError) -> MilterOptions {
        let version = try self.readMilterUInt32(code: code)
        let actions = try self.readMilterUInt32(code: code)
        let flags = try self.readMilterUInt32(code: code)
        var requests: [MilterMacroRequest] = []
        while self.readableBytes > 0 {
            let rawStage = try self.readMilterUInt32(code: code)
            guard let stage = MilterMacroStage(rawValue: rawStage) else {
                throw .malformedPayload(code: code, reason: "unknown macro stage \(rawStage)")
            }
            let names = try self.readMilterString(code: code).split(separator: " ").map(String.init)
            requests.append(MilterMacroRequest(stage: stage, names: names))
        }
        return MilterOptions(
            version: version,
            actions: MilterActionFlags(rawValue: actions),
            protocolFlags: MilterProtocolFlags(rawValue: flags),
            macroRequests: requests
        )
    }

    mutating func writeMilterOptions(_ options: MilterOptions) {
        self.writeInteger(options.version)
        self.writeInteger(options.actions.rawValue)
        self.writeInteger(options.protocolFlags.rawValue)
        for request in options.macroRequests {
            self.writeInteger(request.stage.rawValue)
            self.writeMilterCString(request.names.joined(separator: " "))
        }
    }
}
