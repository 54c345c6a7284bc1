import Testing
@testable import RapportCore
@testable import RapportTerminal

/// `rapport analyze`'s readable view: each signal's span marked under the line.
@Suite struct SignalMarksTests {
    private let plain = Style(choice: .never)

    private func signal(_ kind: SignalKind, _ line: String, _ part: String) -> Signal {
        let scalars = Array(line.unicodeScalars)
        let wanted = Array(part.unicodeScalars)
        let start = (0...(scalars.count - wanted.count)).first { Array(scalars[$0..<$0 + wanted.count]) == wanted } ?? 0
        return Signal(kind: kind, text: part, start: start, end: start + wanted.count)
    }

    @Test func marksEachSpanUnderTheText() {
        let line = "I'm sorry I forgot, but you never remind me"
        let rendered = SignalMarks.render(line, [signal(.remorse, line, "I'm sorry"), signal(.acknowledgement, line, "I forgot"),
                                                 signal(.absolute, line, "never")], style: plain)
        #expect(rendered == """
            I'm sorry I forgot, but you never remind me
            ^^^^^^^^^ remorse
                      ^^^^^^^^ acknowledgement
                                        ^^^^^ absolute

            """)
    }

    @Test func saysWhenNothingIsFound() {
        #expect(SignalMarks.render("Hello there", [], style: plain) == "Hello there\n  (nothing found)\n")
    }

    /// Marks stay under their words after wide characters and neutralised escapes.
    @Test func marksAlignAfterWideAndEscapedCharacters() {
        let line = "😔\u{1B} I'm sorry"
        let rendered = SignalMarks.render(line, [signal(.remorse, line, "I'm sorry")], style: plain)
        #expect(rendered == "😔^[ I'm sorry\n     ^^^^^^^^^ remorse\n")
        #expect(!rendered.contains("\u{1B}"))
    }
}
