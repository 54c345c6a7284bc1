import RapportCore

/// What the coach's loop gets when it asks for the next line.
public enum InputEvent: Equatable {
    case line(String)
    /// Standard input ended (Ctrl-D, or the end of a piped file).
    case endOfInput
    /// Ctrl-C twice at an empty prompt: the user wants to leave.
    case leave
    /// SIGTERM or SIGHUP (or SIGINT when not reading from a terminal).
    case signal(Int32)
    /// Standard input could not be read (it is a folder, say): this `errno`.
    case readFailed(errno: Int32)
}

/// Where typed lines come from.
public protocol LineSource {
    func next(prompt: String) -> InputEvent
    /// Called when a line has been handled (readline records it in the history).
    func remember(_ line: String)
    /// Called once before exit.
    func close()
}

/// Lines from a pipe or file: no prompts, no editing, one line per turn.
public final class PipedLines: LineSource {
    private let reader = LineReader()

    public init() {
        reader.stopOnInterrupt = { SignalWatch.isPending }
        reader.waitMilliseconds = SignalWatch.pollMilliseconds
    }

    public func next(prompt: String) -> InputEvent {
        if let signal = SignalWatch.take() { return .signal(signal) }
        guard let line = reader.readLine() else {
            if let signal = SignalWatch.take() { return .signal(signal) }
            if let code = reader.readError { return .readFailed(errno: code) }
            return .endOfInput
        }
        return .line(line)
    }

    public func remember(_ line: String) {}

    public func close() {}
}
