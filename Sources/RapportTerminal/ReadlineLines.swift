import CReadline
import Foundation
import RapportCore

/// Lines from a terminal through GNU readline: editing, history kept across runs, tab
/// completion of slash commands and scenario names. Uses readline's callback interface so
/// that signals are handled here: Ctrl-C clears the line, a second Ctrl-C at an empty
/// prompt leaves, SIGTERM and SIGHUP end the session.
public final class ReadlineLines: LineSource {
    /// Lines handed over by readline's callback (nil: end of input).
    nonisolated(unsafe) private static var received: [String?] = []
    nonisolated(unsafe) private static var candidates: [String] = []
    nonisolated(unsafe) private static var matchIndex = 0

    private let historyPath: String?

    /// `historyPath` nil: history is neither read nor written (`--no-save`).
    public init(historyPath: String?, completions: [String]) {
        self.historyPath = historyPath
        ReadlineLines.candidates = completions
        rl_catch_signals = 0
        rl_readline_name = UnsafePointer(strdup("rapport"))
        rl_attempted_completion_function = { text, _, _ in
            rl_attempted_completion_over = 1
            return rl_completion_matches(text) { text, state in
                if state == 0 { ReadlineLines.matchIndex = 0 }
                let prefix = text.map { String(cString: $0) } ?? ""
                while ReadlineLines.matchIndex < ReadlineLines.candidates.count {
                    let candidate = ReadlineLines.candidates[ReadlineLines.matchIndex]
                    ReadlineLines.matchIndex += 1
                    if candidate.hasPrefix(prefix) { return strdup(candidate) }
                }
                return nil
            }
        }
        using_history()
        stifle_history(1000)
        if let historyPath { read_history(historyPath) }
    }

    public func next(prompt: String) -> InputEvent {
        ReadlineLines.received.removeAll()
        rl_callback_handler_install(prompt) { line in
            // Removed here, inside the callback: readline otherwise shows the prompt again at
            // once, before what the line makes us print (a stray "you>" above the menu).
            rl_callback_handler_remove()
            if let line {
                ReadlineLines.received.append(String(cString: line))
                free(line)
            } else {
                ReadlineLines.received.append(nil)
            }
        }
        defer { rl_callback_handler_remove() }
        var armed = false
        while true {
            if !ReadlineLines.received.isEmpty {
                let line = ReadlineLines.received.removeFirst()
                // Ctrl-D: readline has already ended the prompt's line.
                guard let line else { return .endOfInput }
                return .line(line)
            }
            var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            // A short timeout: the signal may land on another thread and interrupt nothing here.
            let ready = poll(&descriptor, 1, SignalWatch.pollMilliseconds)
            if ready < 0 || (ready == 0 && SignalWatch.isPending) {
                guard let signal = SignalWatch.take() else { continue }
                guard signal == SIGINT else { return .signal(signal) }
                if armed {
                    StandardOutput.out.line()
                    StandardOutput.out.flush()
                    return .leave
                }
                armed = true
                let hadText = rl_end > 0
                rl_replace_line("", 0)
                rl_point = 0
                rl_end = 0
                let message = hadText ? "^C\n" : "^C  (press Ctrl-C again to leave, or type /quit)\n"
                StandardOutput.out.write(message)
                StandardOutput.out.flush()
                rl_on_new_line()
                rl_redisplay()
                continue
            }
            if descriptor.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                armed = false
                rl_callback_read_char()
            }
        }
    }

    public func remember(_ line: String) {
        guard !line.trimmed.isEmpty else { return }
        add_history(line)
        guard let historyPath else { return }
        if FileManager.default.fileExists(atPath: historyPath) {
            append_history(1, historyPath)
        } else {
            write_history(historyPath)
        }
        chmod(historyPath, 0o600)
    }

    public func close() {
        if let historyPath { history_truncate_file(historyPath, 1000) }
    }

    /// `${XDG_STATE_HOME:-~/.local/state}/rapport/history`, with its folder made private.
    public static func defaultHistoryPath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        let folder = URL(fileURLWithPath: state).appending(path: "rapport")
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])) != nil else { return nil }
        chmod(folder.path, 0o700)
        return folder.appending(path: "history").path
    }
}
