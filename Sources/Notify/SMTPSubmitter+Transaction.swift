extension SMTPSubmitter {
    /// One blocking SMTP transaction: greeting, EHLO (HELO if refused), MAIL, RCPT…,
    /// DATA, the dot-stuffed message, QUIT.
    func runTransaction(_ message: OutgoingMessage) throws {
        let socket = try SMTPSocket(connectingTo: listener, timeoutSeconds: timeoutSeconds)
        defer { socket.close() }
        try expect(try readReply(socket, stage: "greeting"), stage: "greeting")
        let ehlo = try command("EHLO \(heloName)", on: socket, stage: "EHLO")
        if !ehlo.isPositiveCompletion {
            try expect(try command("HELO \(heloName)", on: socket, stage: "HELO"), stage: "HELO")
        }
        // Declare 8-bit content when the server supports it (RFC 6152); Postfix accepts it either way.
        let eightBit = ehlo.isPositiveCompletion && ehlo.lines.contains { $0.uppercased().hasPrefix("8BITMIME") }
            && message.data.contains { $0 >= 0x80 }
        let mailFrom = "MAIL FROM:<\(message.envelopeSender)>" + (eightBit ? " BODY=8BITMIME" : "")
        try expect(try command(mailFrom, on: socket, stage: "MAIL FROM"), stage: "MAIL FROM")
        for recipient in message.recipients {
            let stage = "RCPT TO:<\(recipient)>"
            try expect(try command(stage, on: socket, stage: stage), stage: stage)
        }
        let data = try command("DATA", on: socket, stage: "DATA")
        guard data.code == 354 else { throw NotifyError.refused(stage: "DATA", code: data.code, text: data.text) }
        try socket.write(SMTPDataEncoding.encode(message.data), stage: "message data")
        try expect(try readReply(socket, stage: "end of data"), stage: "end of data")
        _ = try? command("QUIT", on: socket, stage: "QUIT")
    }

    private func command(_ line: String, on socket: SMTPSocket, stage: String) throws -> SMTPReply {
        try socket.write(Array((line + "\r\n").utf8), stage: stage)
        return try readReply(socket, stage: stage)
    }

    private func readReply(_ socket: SMTPSocket, stage: String) throws -> SMTPReply {
        var lines: [String] = []
        while true {
            guard let parsed = SMTPReply.parseLine(try socket.readLine(stage: stage)) else {
                throw NotifyError.malformedReply(stage: stage)
            }
            lines.append(parsed.text)
            if parsed.isLast { return SMTPReply(code: parsed.code, lines: lines) }
            guard lines.count < 100 else { throw NotifyError.malformedReply(stage: stage) }
        }
    }

    private func expect(_ reply: SMTPReply, stage: String) throws {
        guard reply.isPositiveCompletion else {
            throw NotifyError.refused(stage: stage, code: reply.code, text: reply.text)
        }
    }
}
