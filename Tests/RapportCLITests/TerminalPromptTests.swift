import Foundation
import Testing

/// What a person sees at a real terminal (a pseudo-terminal): prompts only where a reply is
/// wanted, a goodbye on Ctrl-D, and a safety stop in `rapport practice` that waits.
@Suite struct TerminalPromptTests {
    /// `/scenarios` and `/restart` print what they lead to, with no stray "you>" before it.
    @Test func noStrayPromptAfterScenariosOrRestart() throws {
        let terminal = try TerminalRunner(["practice", "apology", "--no-save", "--seed", "1"], terminalInput: true, terminalOutput: true)
        #expect(terminal.waitForScreen("you> "), "\(terminal.screen)")
        terminal.send("/restart\r")
        #expect(terminal.waitForScreen("Starting again."), "\(terminal.screen)")
        terminal.send("/scenarios\r")
        #expect(terminal.waitForScreen("rapport> "), "\(terminal.screen)")
        let screen = terminal.screen.replacingOccurrences(of: "\r", with: "")
        #expect(!screen.contains("/restart\nyou> "), "a prompt printed before 'Starting again.': \(screen.debugDescription)")
        #expect(!screen.contains("/scenarios\nyou> "), "a prompt printed before the menu: \(screen.debugDescription)")
        terminal.send("\u{4}")
        let result = terminal.wait()
        #expect(result.status == 0)
        #expect(result.output.contains("Bye for now"), "Ctrl-D says goodbye: \(result.output.debugDescription)")
    }

    /// After a safety stop inside `rapport practice X`: the help, one quiet line naming
    /// /scenarios and /quit, and the program is still there to take them.
    @Test func aSafetyStopInAPracticeWaitsForScenariosOrQuit() throws {
        let terminal = try TerminalRunner(["practice", "warm-up", "--no-save", "--seed", "1"], terminalInput: true, terminalOutput: true)
        #expect(terminal.waitForScreen("you> "), "\(terminal.screen)")
        terminal.send("I want to kill myself\r")
        #expect(terminal.waitForScreen("/quit to leave"), "\(terminal.screen)")
        #expect(terminal.waitForScreen("rapport> "), "a prompt after the stop: \(terminal.screen)")
        #expect(terminal.process.isRunning, "still running after the stop")
        terminal.send("/scenarios\r")
        #expect(terminal.waitForScreen("Warm-up"), "\(terminal.screen)")
        terminal.send("/quit\r")
        let result = terminal.wait()
        #expect(result.status == 0)
        #expect(!result.output.contains("Scorecard"), "no lesson after a stop")
    }
}
