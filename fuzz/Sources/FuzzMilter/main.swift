import MilterProtocol
import NIOCore

/// What Chaperone negotiates (as `MilterOptions.chaperone` in MilterServer, which this
/// package does not build), so the state machine takes the paths production takes.
let wanted = MilterOptions(
    actions: [.addHeaders, .changeHeaders, .quarantine, .setMacroList],
    protocolFlags: [.noHelo, .noUnknown, .skip, .headerLeadingSpace],
    macroRequests: [
        MilterMacroRequest(stage: .connect, names: ["j", "{daemon_name}", "{client_addr}", "_"]),
        MilterMacroRequest(stage: .mail, names: ["i", "{auth_type}", "{auth_authen}"]),
    ]
)

/// The milter frame decoder and the session state machine: the fuzzer's bytes as what
/// Postfix sends on one connection, decoded frame by frame (as NIO would hand them over,
/// in the pieces the first byte chooses) and fed to the state machine until it closes
/// or rejects the stream.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMilter(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: start, count: count)
    guard let first = input.first else { return 0 }
    let pieceSize = Int(first % 17) + 1
    var decoder = MilterCommandDecoder(maximumFrameLength: 1 << 16)
    var session = MilterSessionStateMachine(wanted: wanted)
    var buffer = ByteBuffer()
    var offset = 1
    while offset < input.count {
        let end = min(input.count, offset + pieceSize)
        buffer.writeBytes(UnsafeRawBufferPointer(rebasing: input[offset..<end]))
        offset = end
        do {
            while let command = try decoder.decode(buffer: &buffer) {
                switch try session.receive(command) {
                case .decide:
                    session.decisionSent()
                case .close:
                    return 0
                default:
                    break
                }
            }
        } catch {
            return 0  // a protocol error closes the connection
        }
    }
    return 0
}
