import Foundation
import Testing
@testable import RapportCore
@testable import RapportModel
@testable import RapportTerminal

/// The lines a person reads during a practice, exactly as printed.
@Suite struct SessionPrinterTests {
    private func printed(_ outputs: [SessionOutput], width: Int = 80, showMeter: Bool = false) throws -> String {
        let capture = try PrintedText()
        capture.printer(width: width, showMeter: showMeter).show(outputs)
        return capture.text
    }

    @Test func aLineIsWrappedUnderItsSpeaker() throws {
        let text = "Now say your thanks to Sam, the way you would actually say it out loud."
        #expect(try printed([.line(speaker: .coach, name: "Coach", text: text)], width: 40) == """
            Coach: Now say your thanks to Sam, the
                   way you would actually say it out
                   loud.

            """)
    }

    /// However long the text, no printed line is wider than the width, no word is lost,
    /// and the words keep their order.
    @Test(arguments: [40, 57, 80, 100])
    func wrappingKeepsEveryWordWithinTheWidth(width: Int) throws {
        let words = (1...120).map { "word\($0)" + String(repeating: "x", count: $0 % 7) }
        let output = try printed([.line(speaker: .partner, name: "Robin", text: words.joined(separator: " "))], width: width)
        let lines = output.split(separator: "\n")
        #expect(lines.count > 5)
        for line in lines { #expect(line.count <= width, "\(line.count) > \(width): \(line)") }
        #expect(lines.first?.hasPrefix("Robin: word1x word2xx ") == true)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("       ") && !$0.hasPrefix("        ") }, "continuations sit under the text")
        #expect(output.split(whereSeparator: { $0 == " " || $0 == "\n" }).dropFirst().map(String.init) == words)
    }

    /// Widths below 40 are read as 40 and above 100 as 100: a narrow or huge terminal still reads well.
    @Test func theWidthIsKeptBetweenFortyAndAHundred() throws {
        let text = String(repeating: "abcd ", count: 80)
        let narrow = try printed([.line(speaker: .coach, name: "Coach", text: text)], width: 10).split(separator: "\n")
        #expect((36...40).contains(narrow.map(\.count).max() ?? 0), "\(narrow)")
        let wide = try printed([.line(speaker: .coach, name: "Coach", text: text)], width: 500).split(separator: "\n")
        #expect((96...100).contains(wide.map(\.count).max() ?? 0), "\(wide)")
    }

    /// A word longer than the line is printed whole on its own line, not cut or dropped.
    @Test func aWordLongerThanTheLineIsKeptWhole() throws {
        let long = String(repeating: "a", count: 60)
        #expect(try printed([.line(speaker: .coach, name: "Coach", text: "see \(long) end")], width: 40)
            == "Coach: see\n       \(long)\n       end\n")
    }

    /// A `/rewrite` and its notes wrap between words under their label, as the coach's
    /// lines do, instead of running past the edge and breaking mid-word.
    @Test func aRewriteAndItsNotesWrapBetweenWords() throws {
        let rewrite = "I feel unheard when I talk about work and it seems nobody is listening, because I need to feel heard."
        let note = "You didn't name a feeling, so this uses \"unheard\": not being listened to usually leaves people feeling unheard."
        let output = try printed([.rewrite(RewriteResult(input: "x", rewrite: rewrite, changed: true,
                                                         notes: [.init(kind: "x", message: note)], alternatives: []))], width: 50)
        let lines = output.split(separator: "\n").map(String.init)
        for line in lines { #expect(line.count <= 50, "\(line.count) > 50: \(line)") }
        #expect(lines.first?.hasPrefix("Try: I feel unheard") == true)
        #expect(lines.contains { $0.hasPrefix("  · You didn't") })
        #expect(lines.filter { $0.hasPrefix("     ") }.count >= 2, "the rewrite's continuation sits under its text: \(lines)")
        let words = output.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        #expect(words == ("Try: " + rewrite + " · " + note).split(separator: " ").map(String.init), "no word is cut")
    }

    /// What the user typed comes back in lines, notices and rewrites; none of it may move the
    /// cursor, clear the screen, retitle the window or flip the text direction.
    @Test func escapesInTypedTextAreNeutralised() throws {
        let hostile = "hi \u{1B}[2J\u{1B}]0;owned\u{7} \u{202E}evil\u{0}"
        let output = try printed([
            .line(speaker: .partner, name: "Robin", text: hostile),
            .notice("first\n" + hostile),
            .rewrite(RewriteResult(input: hostile, rewrite: hostile, changed: false, notes: [.init(kind: "x", message: hostile)],
                                   alternatives: [])),
            .menu([.init(number: 1, id: "x", title: hostile, summary: hostile)]),
            .meter(name: hostile, openness: 50),
        ], showMeter: true)
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(output.debugDescription)")
        #expect(!output.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x7F })
        let shown = "hi ^[[2J^[]0;owned^G <U+202E>evil^@"
        #expect(output.hasPrefix("Robin: \(shown)\nfirst\n\(shown)\nThat works as it is: \(shown)\n  · \(shown)\n"), "\(output)")
        #expect(output.components(separatedBy: shown).count == 8, "each of the seven places shows it, made harmless")
    }

    /// Every line of the card, each label bold on a terminal; a long line wraps under its
    /// label's text (indented at most sixteen columns, so long labels do not squeeze it).
    @Test func theScorecardIsPrintedWhole() throws {
        let card = Scorecard(met: ["remorse"], missed: ["commitment"], pitfalls: [.init(kind: .excuse, text: "but I was tired")],
                             next: "Drop the but, and say what you will do differently next time so they can hear it.",
                             partNames: ["remorse": "Saying sorry", "commitment": "Saying what will change"])
        #expect(try printed([.scorecard(card, .completed)], width: 60) == """

            Scorecard (completed)
              Done well: Saying sorry
              Still to add: Saying what will change
              Watch out for excuses: "but I was tired"
              Next time: Drop the but, and say what you will do
                         differently next time so they can hear it.


            """)
    }

    /// A long notice (a /hint) wraps between words, keeping each line's own indent.
    @Test func aLongNoticeWrapsBetweenWords() throws {
        let hint = "Try: \"I need a break. I'll be back in twenty minutes.\" A break with a time to return isn't walking away."
        let text = try printed([.notice(hint + "\n  /quit leaves")], width: 50)
        for line in text.split(separator: "\n") { #expect(line.count <= 50, "\(line)") }
        #expect(text.contains("walking"), "no word is cut: \(text)")
        #expect(text.contains("\n  /quit leaves"), "\(text)")
    }

    @Test func theMeterIsForPeopleAtATerminal() throws {
        #expect(try printed([.meter(name: "Robin", openness: 50)], showMeter: true) == "   Robin ▕█████░░░░░▏ wary\n")
        #expect(try printed([.meter(name: "Robin", openness: 100)], showMeter: true) == "   Robin ▕██████████▏ open\n")
        #expect(try printed([.meter(name: "Robin", openness: 0)], showMeter: true) == "   Robin ▕░░░░░░░░░░▏ shut down\n")
        #expect(try printed([.meter(name: "Robin", openness: 50)], showMeter: false) == "")
        // A bar of one length always says the same word: the bar and its label agree.
        var words: [Int: Set<String>] = [:]
        for openness in 0...100 {
            let line = try printed([.meter(name: "R", openness: openness)], showMeter: true)
            let blocks = line.filter { $0 == "█" }.count
            let word = line.components(separatedBy: "▏ ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            words[blocks, default: []].insert(word)
        }
        for (blocks, said) in words { #expect(said.count == 1, "\(blocks) blocks read as \(said)") }
    }

    @Test func aRewriteShowsTheSentenceAndItsNotes() throws {
        let result = RewriteResult(input: "You never listen.", rewrite: "I feel unheard when I'm talking.", changed: true,
                                   notes: [.init(kind: "absolute", message: "'never' makes it a verdict.")], alternatives: [])
        #expect(try printed([.rewrite(result)]) == "Try: I feel unheard when I'm talking.\n  · 'never' makes it a verdict.\n")
    }

    /// A long rewrite and its notes are wrapped at word breaks, never cut mid-word, each
    /// line within the width and every word kept.
    @Test func aLongRewriteIsWrappedAtWordBreaks() throws {
        let rewrite = "I feel hurt when ___, because I need to feel my needs count too. Could we talk about what each of us needs?"
        let note = "\"selfish\" is a label, and it names nothing they did, so there's a blank (___) where what happened goes: fill it in with that one time."
        let result = RewriteResult(input: "ur so selfish", rewrite: rewrite, changed: true, notes: [.init(kind: "label", message: note)], alternatives: [])
        let output = try printed([.rewrite(result)], width: 60)
        let lines = output.split(separator: "\n")
        #expect(lines.count >= 4)
        for line in lines { #expect(line.count <= 60, "\(line)") }
        #expect(lines[0].hasPrefix("Try: I feel hurt"))
        #expect(lines[1].hasPrefix("     ") && !lines[1].hasPrefix("      "), "continuations sit under the rewrite")
        let printedWords: [String] = output.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        var expected: [String] = ["Try:"]
        expected += rewrite.split(separator: " ").map(String.init)
        expected.append("·")
        expected += note.split(separator: " ").map(String.init)
        #expect(printedWords == expected)
    }

    @Test func theMenuNumbersEachPractice() throws {
        let output = try printed([.menu([.init(number: 1, id: "apology", title: "Apologise", summary: "Say sorry well."),
                                         .init(number: 12, id: "other", title: "Other", summary: "More.")])])
        #expect(output == "\n   1. Apologise\n      Say sorry well.\n  12. Other\n      More.\n\n")
    }
}
