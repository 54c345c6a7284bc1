import Foundation
import Testing
@testable import RapportTerminal

/// Colour is for terminals. Whether it comes on at a real terminal, and that NO_COLOR turns
/// it off, is checked through the binary (RapportCLITests/ColourTests), where the
/// environment is the test's own.
@Suite struct StyleTests {
    @Test func autoIsOffWhenTheOutputIsAFileOrANullDevice() throws {
        let file = try PrintedText()
        #expect(!Style(choice: .auto, descriptor: file.descriptor).enabled)
        let null = open("/dev/null", O_WRONLY)
        defer { close(null) }
        #expect(!Style(choice: .auto, descriptor: null).enabled)
    }

    @Test func neverLeavesTextAsItIs() {
        let style = Style(choice: .never)
        #expect(!style.enabled)
        for paint in [style.bold, style.dim, style.coach, style.partner, style.good, style.warn, style.underline] {
            #expect(paint("text") == "text")
        }
    }

    /// A printer with colour off writes no escape sequence at all.
    @Test func aPlainPrinterWritesNoEscapes() throws {
        let capture = try PrintedText()
        capture.printer(style: Style(choice: .auto, descriptor: capture.descriptor), showMeter: true).show([
            .greeting(["Hi", "There"]), .line(speaker: .coach, name: "Coach", text: "Hello"),
            .line(speaker: .partner, name: "Robin", text: "Hm"), .meter(name: "Robin", openness: 30), .notice("note"),
        ])
        #expect(capture.text == "Hi\nThere\nCoach: Hello\nRobin: Hm\n   Robin ▕███░░░░░░░▏ guarded\nnote\n")
    }

    /// With `always`, the labels are coloured and the text between them is left alone.
    @Test(.enabled(if: (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty, "NO_COLOR is set here"))
    func alwaysColoursTheLabels() throws {
        let capture = try PrintedText()
        capture.printer(style: Style(choice: .always)).show([.line(speaker: .partner, name: "Robin", text: "Hm \u{1B}[31m")])
        #expect(capture.text == "\u{1B}[1;35mRobin: \u{1B}[0mHm ^[[31m\n")
    }
}
