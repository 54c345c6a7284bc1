import Testing
@testable import RapportCore

@Suite struct DialogueLoaderTests {
    @Test func loadsAGoodFile() throws {
        let (dialogue, problems) = DialogueLoader.load(try Fixtures.text("dialogues/fixture.yaml"), file: "fixture.yaml")
        #expect(problems.isEmpty)
        let loaded = try #require(dialogue)
        #expect(loaded.id == "fixture")
        #expect(loaded.stateOrder == ["ask", "apology", "partner", "done"])
        #expect(loaded.partner?.moves[.contempt] == -30)
        try #require(loaded.rubric.map(\.part) == [.remorse, .commitment])
        #expect(loaded.rubric[1].from == .realistic)
        #expect(loaded.states["apology"]?.giveUp?.after == 3)
        #expect(loaded.states["ask"]?.capture?.slot == "situation")
        #expect(loaded.states["ask"]?.collect == false)
        #expect(loaded.states["apology"]?.on.first?.when.all == [.remorse])
        #expect(loaded.states["done"]?.end == .completed)
        #expect(DialogueChecker.check(loaded).isEmpty)
    }

    /// Each class of error, with where it is.
    @Test(arguments: [
        ("lint/yaml-error.yaml", 6, "YAML"),
        ("lint/unknown-field.yaml", 7, "unknown field 'sya'"),
        ("lint/unknown-kind.yaml", 10, "unknown signal kind 'apologies'"),
        ("lint/alias.yaml", 5, "anchors and aliases"),
    ])
    func reportsLoadErrorsWithTheirLine(file: String, line: Int, message: String) throws {
        let (_, problems) = DialogueLoader.load(try Fixtures.text(file), file: file)
        let problem = problems.first
        #expect(problem?.file == file)
        #expect(problem?.line == line)
        #expect((problem?.column ?? 0) > 0)
        #expect(problem?.message.contains(message) == true, "got: \(problem?.description ?? "nothing")")
    }

    @Test func reportsWrongTypesAndMissingFields() {
        let text = """
            id: Not An Id
            title: [a list]
            start: a
            states:
              a:
                collect: maybe
                give-up: {after: 0}
                end: finished
            """
        let (_, problems) = DialogueLoader.load(text, file: "types.yaml")
        let messages = problems.map(\.description)
        #expect(messages.contains { $0.hasPrefix("types.yaml:1:") && $0.contains("lowercase letters") })
        #expect(messages.contains { $0.hasPrefix("types.yaml:2:") && $0.contains("title should be text") })
        #expect(messages.contains { $0.contains("needs 'summary'") })
        #expect(messages.contains { $0.hasPrefix("types.yaml:6:") && $0.contains("true or false") })
        #expect(messages.contains { $0.contains("after: N") })
        #expect(messages.contains { $0.hasPrefix("types.yaml:8:") && $0.contains("end should be") })
    }

    @Test func refusesHostileFilesWithoutCrashing() throws {
        let deep = "a: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(DialogueLoader.load(deep, file: "deep.yaml").diagnostics.first?.message.contains("nested") == true)
        let indented = "a:\n" + String(repeating: " ", count: 400) + "b: c\n"
        #expect(DialogueLoader.load(indented, file: "indent.yaml").diagnostics.first?.message.contains("nested too deeply") == true)
        let huge = String(repeating: "# padding\n", count: 120_000)
        #expect(DialogueLoader.load(huge, file: "huge.yaml").diagnostics.first?.message.contains("larger than 1 MiB") == true)
        #expect(DialogueLoader.load("", file: "empty.yaml").diagnostics.first?.message.contains("empty") == true)
        let truncated = String(try Fixtures.text("dialogues/fixture.yaml").prefix(700))
        #expect(!DialogueLibrary.load([("cut.yaml", truncated)]).diagnostics.isEmpty)
        let binary = String(decoding: (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37) }, as: UTF8.self)
        #expect(!DialogueLoader.load(binary, file: "binary.yaml").diagnostics.isEmpty)
    }

    @Test func quotedAmpersandsAndStarsAreFine() {
        let text = """
            id: quoted
            title: "Tom & Jerry"
            summary: 'It''s * fine * to use them in text'
            start: a
            states:
              a:
                say:
                  - coach: "*sigh* & so on"
                end: completed
            """
        let (dialogue, problems) = DialogueLoader.load(text, file: "quoted.yaml")
        #expect(problems.isEmpty, "\(problems)")
        #expect(dialogue?.title == "Tom & Jerry")
    }

    /// `&` and `*` inside plain text are text; only at the start of a value are they YAML's
    /// anchors and aliases. Likewise a quote mark inside a plain value opens no string.
    @Test func ampersandsAndQuotesInsidePlainTextAreFine() {
        let text = """
            id: plain
            title: Tom & Jerry
            summary: She said "fine" & left, 5 * 3 times
            start: a
            states:
              a:
                say:
                  - coach: Rock & roll
                end: completed
            """
        let (dialogue, problems) = DialogueLoader.load(text, file: "plain.yaml")
        #expect(problems.isEmpty, "\(problems)")
        #expect(dialogue?.title == "Tom & Jerry")
        #expect(dialogue?.summary == "She said \"fine\" & left, 5 * 3 times")
    }
}

@Suite struct ReflectionTests {
    let reflections: Reflections

    init() throws {
        reflections = try Fixtures.library.reflections
    }

    @Test(arguments: [
        ("my neighbour Jo", "your neighbour Jo"),
        ("I forgot MY keys.", "you forgot your keys."),
        ("I’m sorry I was late", "you're sorry you were late"),
        ("Sam, and me!", "Sam, and you!"),
        ("", ""),
    ])
    func turnsFirstPersonToSecond(text: String, expected: String) {
        #expect(reflections.apply(text) == expected)
    }
}
