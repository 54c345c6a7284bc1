import RapportCore
#if canImport(Glibc)
import Glibc
#endif

/// A yes-or-no question before something that cannot be undone: asked on standard error,
/// answered with a line of standard input. Only "y" or "yes" is yes; anything else, or the
/// end of input, is no.
public enum Confirmation {
    /// Whether a person can answer: standard input is a terminal.
    public static var canAsk: Bool { isatty(0) == 1 }

    public static func ask(_ question: String) -> Bool {
        StandardOutput.err.write(question + " [y/N] ")
        StandardOutput.err.flush()
        guard let answer = readLine() else {
            StandardOutput.err.line()
            return false
        }
        return ["y", "yes"].contains(answer.trimmed.lowercased())
    }
}
