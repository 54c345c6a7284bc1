import Foundation
import Testing

/// Colour as a user meets it: on at a terminal, off in a pipe or a file, off whenever
/// NO_COLOR is set (to anything but the empty string), and never a way for typed text to
/// send its own escape sequences.
@Suite struct ColourTests {
    private let replies = ["Sam", "/quit"]

    /// The test's own environment, with NO_COLOR as given (nil: not set at all).
    private func environment(noColor: String?) -> [String: String] {
        var environment = BinaryRunner.isolatedEnvironment()
        environment["NO_COLOR"] = noColor
        return environment
    }

    private func hasEscapes(_ text: String) -> Bool { text.contains("\u{1B}") }

    @Test func autoColoursATerminalOnly() throws {
        let arguments = ["practice", "warm-up", "--no-save", "--seed", "1"]
        let terminal = try ScriptedTerminal.run(arguments, lines: replies, environment: environment(noColor: nil))
        #expect(terminal.contains("Coach: "), "the practice ran: \(terminal)")
        #expect(terminal.contains("\u{1B}[1;36mCoach: \u{1B}[0m"), "the coach's label is coloured at a terminal")
        let piped = try BinaryRunner.run(arguments, lines: replies, environment: environment(noColor: nil))
        #expect(piped.output.contains("Coach: "))
        #expect(!hasEscapes(piped.output), "no colour into a pipe")
    }

    @Test(arguments: ["1", "yes", "0"])
    func noColorTurnsItOffEverywhere(value: String) throws {
        let terminal = try ScriptedTerminal.run(["practice", "warm-up", "--no-save"], lines: replies, environment: environment(noColor: value))
        #expect(terminal.contains("Coach: "))
        #expect(!hasEscapes(terminal), "NO_COLOR=\(value) at a terminal")
        let always = try BinaryRunner.run(["practice", "warm-up", "--no-save", "--color", "always"], lines: replies,
                                          environment: environment(noColor: value))
        // An explicit flag wins over the environment (no-color.org).
        #expect(hasEscapes(always.output), "--color always wins over NO_COLOR=\(value)")
    }

    /// An empty NO_COLOR counts as not set (no-color.org).
    @Test func anEmptyNoColorIsNotSet() throws {
        let terminal = try ScriptedTerminal.run(["practice", "warm-up", "--no-save"], lines: replies, environment: environment(noColor: ""))
        #expect(hasEscapes(terminal))
    }

    @Test func theColourOptionDecidesOtherwise() throws {
        let always = try BinaryRunner.run(["practice", "warm-up", "--no-save", "--color", "always"], lines: replies,
                                          environment: environment(noColor: nil))
        #expect(always.output.contains("\u{1B}[1;36mCoach: \u{1B}[0m"))
        let never = try ScriptedTerminal.run(["practice", "warm-up", "--no-save", "--color", "never"], lines: replies,
                                           environment: environment(noColor: nil))
        #expect(never.contains("Coach: "))
        #expect(!hasEscapes(never))
    }

    /// With colour on, the only escape sequences are rapport's own colour codes; what the
    /// user typed is shown as text ("^[[2J"), in the reply quoted back and on the scorecard.
    @Test func typedEscapesStayTextWhenColourIsOn() throws {
        let result = try BinaryRunner.run(["practice", "warm-up", "--no-save", "--color", "always"],
                                          lines: ["Sam", "She fed my cat", "thanks\u{1B}[2J\u{1B}]0;owned\u{7}", "/quit"], environment: environment(noColor: nil))
        #expect(result.status == 0)
        let withoutColours = result.output.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(withoutColours != result.output, "colour was on")
        #expect(!withoutColours.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(withoutColours.debugDescription)")
        #expect(withoutColours.contains("\"thanks^[[2J^[]0"), "the thank-you is quoted back, made harmless: \(withoutColours)")
    }
}
