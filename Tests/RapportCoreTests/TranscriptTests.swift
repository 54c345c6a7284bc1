import Foundation
import Testing
@testable import RapportCore

@Suite struct TranscriptTests {
    @Test func recordsAreWrittenAndReadBack() throws {
        let folder = try Fixtures.temporaryFolder().appending(path: "nested/transcripts")
        let previous = umask(0)
        defer { umask(previous) }
        let started = Date(timeIntervalSince1970: 1_795_000_000)
        let writer = try TranscriptWriter(folder: folder, scenario: "apology", started: started) { _ in }
        let card = Scorecard(met: ["remorse"], missed: ["commitment"], pitfalls: [.init(kind: .excuse, text: "but I was \"tired\"\u{1B}[31m")], next: "Try again.")
        let records: [TranscriptRecord] = [
            .session(scenario: "apology", started: started, version: RapportInfo.version, seed: 42, difficulty: .tough),
            .turn(speaker: .coach, state: "draft", text: "Say it.", signals: nil),
            .turn(speaker: .user, state: "draft", text: "I'm sorry\nbut\u{0}", signals: [.remorse, .excuse]),
            .end(outcome: .completed, ended: started.addingTimeInterval(60), scorecard: card),
        ]
        records.forEach(writer.append)

        let attributes = try FileManager.default.attributesOfItem(atPath: writer.url.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folderAttributes = try FileManager.default.attributesOfItem(atPath: folder.path)
        #expect((folderAttributes[.posixPermissions] as? Int) == 0o700)
        #expect(writer.url.lastPathComponent.range(of: #"^\d{8}-\d{6}-apology-[0-9a-f]{4}\.jsonl$"#, options: .regularExpression) != nil)

        let lines = try String(contentsOf: writer.url, encoding: .utf8).split(separator: "\n")
        try #require(lines.count == 4)
        for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil) }
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["type"] as? String == "session")
        #expect(first["started"] as? String == "2026-11-18T11:06:40Z")
        #expect(first["seed"] as? Int == 42)

        let store = TranscriptStore(folder: folder)
        let read = try store.read(try store.find(String(writer.id.prefix(12))))
        var expected = records
        expected[3] = .end(outcome: .completed, ended: started.addingTimeInterval(60),
                           scorecard: Scorecard(met: ["remorse"], missed: ["commitment"], pitfalls: card.pitfalls, next: "Try again."))
        #expect(read.records == expected)
        #expect(read.skippedLines == 0)
    }

    @Test func twoSessionsAtOnceWriteTwoFiles() throws {
        let folder = try Fixtures.temporaryFolder()
        let started = Date()
        let one = try TranscriptWriter(folder: folder, scenario: "apology", started: started) { _ in }
        let two = try TranscriptWriter(folder: folder, scenario: "apology", started: started) { _ in }
        #expect(one.url != two.url)
        #expect(try TranscriptStore(folder: folder).ids().count == 2)
    }

    @Test func damagedFilesAreReadAsFarAsTheyGo() throws {
        let folder = try Fixtures.temporaryFolder()
        let good = TranscriptRecord.turn(speaker: .user, state: "s", text: "hello", signals: []).jsonLine
        let text = [TranscriptRecord.session(scenario: "apology", started: Date(), version: "0", seed: 1, difficulty: nil).jsonLine,
                    good, "garbage {{{", "\u{FF}\u{FE}", "{\"type\": \"mystery\"}", String(good.prefix(20))].joined(separator: "\n")
        try Data(text.utf8).write(to: folder.appending(path: "20260101-000000-apology-abcd.jsonl"))
        let store = TranscriptStore(folder: folder)
        let read = try store.read("20260101-000000-apology-abcd")
        #expect(read.records.count == 2)
        #expect(read.skippedLines == 4)
        #expect(read.outcome == nil)
        #expect(TranscriptRenderer.text(read, title: nil, partnerName: nil, width: 80).contains("cut off"))
    }

    @Test func findsByUniquePrefixAndDeletes() throws {
        let folder = try Fixtures.temporaryFolder()
        for name in ["20260101-000000-apology-aaaa", "20260101-000000-apology-aaab", "20260102-000000-warm-up-cccc"] {
            try Data().write(to: folder.appending(path: name + ".jsonl"))
        }
        let store = TranscriptStore(folder: folder)
        #expect(try store.find("20260102") == "20260102-000000-warm-up-cccc")
        #expect(throws: TranscriptError.self) { try store.find("20260101") }
        #expect(throws: TranscriptError.self) { try store.find("nothing") }
        do throws(TranscriptError) {
            _ = try store.find("20260101")
        } catch {
            #expect(error.kind == .ambiguous(candidates: ["20260101-000000-apology-aaaa", "20260101-000000-apology-aaab"]))
            #expect(error.isUsageError)
            #expect(error.description.hasSuffix(":\n  20260101-000000-apology-aaaa\n  20260101-000000-apology-aaab"))
        }
        do throws(TranscriptError) {
            _ = try store.find("nothing")
        } catch {
            #expect(error.kind == .noMatch)
        }
        try store.delete("20260102-000000-warm-up-cccc")
        #expect(try store.ids().count == 2)
        #expect(try store.deleteAll() == 2)
        #expect(try store.ids().isEmpty)
        #expect(try TranscriptStore(folder: folder.appending(path: "absent")).ids().isEmpty)
    }

    @Test func renderingNeutralisesWhatTheUserTyped() throws {
        let transcript = TranscriptStore.Transcript(id: "x", url: URL(fileURLWithPath: "/x"), records: [
            .turn(speaker: .user, state: "s", text: "hi \u{1B}[2J\u{1B}]0;owned\u{07} \u{202E}evil", signals: []),
        ], skippedLines: 0)
        let text = TranscriptRenderer.text(transcript, title: "T", partnerName: nil, width: 80)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(text.contains("^[[2J"))
        #expect(text.contains("<U+202E>"))
        let markdown = TranscriptRenderer.markdown(transcript, title: "T", partnerName: nil)
        #expect(!markdown.unicodeScalars.contains { $0.value == 0x1B })
        #expect(markdown.contains("> **You:**"))
    }

    @Test func systemErrorsAreSaidInPlainWords() throws {
        #expect(SystemReason.describe(errno: ENOTDIR) == "not a folder")
        #expect(SystemReason.describe(errno: EACCES) == "permission denied")
        #expect(SystemReason.describe(errno: ENOSPC) == "disk full")
        let blocker = try Fixtures.temporaryFolder().appending(path: "file")
        try Data().write(to: blocker)
        do {
            try FileManager.default.createDirectory(at: blocker.appending(path: "sub"), withIntermediateDirectories: true)
            Issue.record("a folder under a file was created")
        } catch {
            #expect(SystemReason.describe(error) == "not a folder", "Foundation's wrapped POSIX error is found")
        }
        #expect(SystemReason.describe(CocoaError(.fileWriteOutOfSpace)) == "disk full")
        #expect(!SystemReason.describe(CocoaError(.fileWriteUnknown)).contains("NSCocoaErrorDomain"))
    }

    @Test func anUnwritableFolderIsAClearError() throws {
        let folder = try Fixtures.temporaryFolder()
        let blocker = folder.appending(path: "file")
        try Data().write(to: blocker)
        #expect(throws: TranscriptError.self) {
            _ = try TranscriptWriter(folder: blocker.appending(path: "sub"), scenario: "apology", started: Date()) { _ in }
        }
    }

    @Test func aFullDiskIsSaidOnceAndThePracticeGoesOn() throws {
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0, "this machine has no /dev/full")
        var problems: [String] = []
        let writer = TranscriptWriter(url: URL(fileURLWithPath: "/dev/full"), descriptor: full) { problems.append($0) }
        let coach = CoachSession(library: try Fixtures.library, analyzer: try Fixtures.analyzer, rewriter: try Fixtures.rewriter,
                                 options: .init(seed: 1, difficulty: .realistic, openTranscript: { _, _ in writer }),
                                 mode: .practice("warm-up"))
        _ = coach.start()
        let outputs = coach.handle("Sam") + coach.handle("she fed my cat") + coach.handle("Thank you, I was so relieved")
        #expect(problems.count == 1)
        #expect(problems.first?.contains("no longer being saved: disk full") == true)
        #expect(outputs.contains { if case .scorecard = $0 { return true } else { return false } }, "the practice went on")
    }
}

@Suite struct MarkdownTextTests {
    @Test func inlineTextKeepsPunctuationThatIsNotMarkup() {
        #expect(MarkdownText.inline("sorry. - (ok) #1 + 2! a|b {c}") == "sorry. - (ok) #1 + 2! a|b {c}")
        #expect(MarkdownText.inline("*a* _b_ `c` [d] <e> ~f~ \\") == "\\*a\\* \\_b\\_ \\`c\\` \\[d\\] \\<e> \\~f\\~ \\\\")
        #expect(MarkdownText.inline("&amp; &#38; & x") == "\\&amp; \\&#38; & x")
    }

    @Test func blockStartsAreEscapedWhereTheyWouldBeMarkup() {
        #expect(MarkdownText.blockStart("# not a heading") == "\\# not a heading")
        #expect(MarkdownText.blockStart("- not a list") == "\\- not a list")
        #expect(MarkdownText.blockStart("1. not a list") == "1\\. not a list")
        #expect(MarkdownText.blockStart("Practice #") == "Practice \\#")
        #expect(MarkdownText.blockStart("Done well: A, B.") == "Done well: A, B.")
    }
}
