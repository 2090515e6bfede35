import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a password from the terminal with echo turned off (and back on, whatever happens).
enum PasswordPrompt {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw Failure(description: "cannot read the terminal's settings") }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent) == 0 else { throw Failure(description: "cannot turn off echo") }
        defer {
            _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw Failure(description: "no password was typed") }
        return line
    }
}
