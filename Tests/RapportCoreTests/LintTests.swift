import Testing
@testable import RapportCore

/// One fixture per defect class `rapport lint` reports, each at its line.
@Suite struct LintTests {
    /// The errors (hint warnings are checked separately).
    private func problems(_ file: String) throws -> [Diagnostic] {
        DialogueLibrary.load([(file, try Fixtures.text(file))]).diagnostics.filter { $0.severity == .error }
    }

    @Test func aPracticeStateWithoutAHintIsAWarning() throws {
        let warnings = DialogueLibrary.load([("lint/unreachable.yaml", try Fixtures.text("lint/unreachable.yaml"))]).diagnostics
            .filter { $0.severity == .warning }
        #expect(warnings.contains { $0.line == 7 && $0.message.contains("no hint") })
    }

    @Test func missingTarget() throws {
        let found = try problems("lint/missing-target.yaml")
        #expect(found.contains { $0.line == 10 && $0.message.contains("'nowhere'") })
    }

    @Test func unreachableState() throws {
        let found = try problems("lint/unreachable.yaml")
        #expect(found.count == 1)
        #expect(found.first?.line == 11)
        #expect(found.first?.message.contains("'lonely' can never be reached") == true)
    }

    @Test func stateWithNoWayOut() throws {
        let found = try problems("lint/dead-end.yaml")
        #expect(found.contains { $0.line == 11 && $0.message.contains("'stuck' has no way out") })
    }

    @Test func slotQuotedButNeverCaptured() throws {
        let found = try problems("lint/uncaptured-slot.yaml")
        #expect(found.count == 1)
        #expect(found.first?.line == 8)
        #expect(found.first?.message.contains("{situation}") == true)
    }

    @Test func unknownFieldAndKindAndYAML() throws {
        #expect(try problems("lint/unknown-field.yaml").first?.line == 7)
        #expect(try problems("lint/unknown-kind.yaml").first?.line == 10)
        #expect(try problems("lint/yaml-error.yaml").first?.message.hasPrefix("YAML") == true)
    }

    @Test func aPraisingLineWhoseTransitionCreditsNothingIsAWarning() throws {
        let file = "lint/praise-without-credit.yaml"
        let found = DialogueLibrary.load([(file, try Fixtures.text(file))], praise: try Fixtures.compiled.praise).diagnostics
        #expect(found.contains { $0.line == 14 && $0.severity == .warning && $0.message.contains("credits nothing") })
        // Without the praise words (a session loading the user's files) only the usual checks run.
        #expect(DialogueLibrary.load([(file, try Fixtures.text(file))]).diagnostics.isEmpty)
    }

    @Test func aGoodFileAndTheBuiltInsAreClean() throws {
        #expect(DialogueLibrary.load([("fixture.yaml", try Fixtures.text("dialogues/fixture.yaml"))]).diagnostics.isEmpty)
        let (dialogues, builtInProblems) = DialogueLibrary.load(BuiltIn.dialogueFiles)
        #expect(builtInProblems.isEmpty)
        #expect(DialogueChecker.check(library: dialogues, requireSafety: true).isEmpty)
    }

    @Test func crossDialogueProblems() throws {
        var library = try Fixtures.library
        let fixture = try #require(DialogueLoader.load(try Fixtures.text("dialogues/fixture.yaml"), file: "fixture.yaml").dialogue)
        var clash = fixture
        clash.id = "warm-up"
        #expect(library.add([clash]).first?.message.contains("already used") == true)
        var detour = fixture
        detour.id = "detours"
        var ask = try #require(detour.states["ask"])
        try #require(ask.otherwise != nil, "fixture.yaml's 'ask' state has an otherwise")
        ask.otherwise?.detour = "no-such-detour"
        detour.states["ask"] = ask
        #expect(library.add([detour]).first?.message.contains("does not exist") == true)
        #expect(library.add([fixture]).isEmpty)
        #expect(library.dialogue(id: "fixture") != nil)
    }
}
