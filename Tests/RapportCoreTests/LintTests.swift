import Testing
@testable import RapportCore

/// One fixture per defect class `rapport lint` reports, each at its line.
@Suite struct LintTests {
    /// The errors (hint warnings are checked separately).
    private func problems(_ file: String) -> [Diagnostic] {
        DialogueLibrary.load([(file, Fixtures.text(file))]).diagnostics.filter { $0.severity == .error }
    }

    @Test func aPracticeStateWithoutAHintIsAWarning() {
        let warnings = DialogueLibrary.load([("lint/unreachable.yaml", Fixtures.text("lint/unreachable.yaml"))]).diagnostics
            .filter { $0.severity == .warning }
        #expect(warnings.contains { $0.line == 7 && $0.message.contains("no hint") })
    }

    @Test func missingTarget() {
        let found = problems("lint/missing-target.yaml")
        #expect(found.contains { $0.line == 10 && $0.message.contains("'nowhere'") })
    }

    @Test func unreachableState() {
        let found = problems("lint/unreachable.yaml")
        #expect(found.count == 1)
        #expect(found.first?.line == 11)
        #expect(found.first?.message.contains("'lonely' can never be reached") == true)
    }

    @Test func stateWithNoWayOut() {
        let found = problems("lint/dead-end.yaml")
        #expect(found.contains { $0.line == 11 && $0.message.contains("'stuck' has no way out") })
    }

    @Test func slotQuotedButNeverCaptured() {
        let found = problems("lint/uncaptured-slot.yaml")
        #expect(found.count == 1)
        #expect(found.first?.line == 8)
        #expect(found.first?.message.contains("{situation}") == true)
    }

    @Test func unknownFieldAndKindAndYAML() {
        #expect(problems("lint/unknown-field.yaml").first?.line == 7)
        #expect(problems("lint/unknown-kind.yaml").first?.line == 10)
        #expect(problems("lint/yaml-error.yaml").first?.message.hasPrefix("YAML") == true)
    }

    @Test func aPraisingLineWhoseTransitionCreditsNothingIsAWarning() {
        let file = "lint/praise-without-credit.yaml"
        let found = DialogueLibrary.load([(file, Fixtures.text(file))], praise: Fixtures.compiled.praise).diagnostics
        #expect(found.contains { $0.line == 14 && $0.severity == .warning && $0.message.contains("credits nothing") })
        // Without the praise words (a session loading the user's files) only the usual checks run.
        #expect(DialogueLibrary.load([(file, Fixtures.text(file))]).diagnostics.isEmpty)
    }

    @Test func aGoodFileAndTheBuiltInsAreClean() {
        #expect(DialogueLibrary.load([("fixture.yaml", Fixtures.text("dialogues/fixture.yaml"))]).diagnostics.isEmpty)
        let (dialogues, builtInProblems) = DialogueLibrary.load(BuiltIn.dialogueFiles)
        #expect(builtInProblems.isEmpty)
        #expect(DialogueChecker.check(library: dialogues, requireSafety: true).isEmpty)
    }

    @Test func crossDialogueProblems() {
        var library = Fixtures.library
        let (fixture, _) = DialogueLoader.load(Fixtures.text("dialogues/fixture.yaml"), file: "fixture.yaml")
        var clash = fixture!
        clash.id = "warm-up"
        #expect(library.add([clash]).first?.message.contains("already used") == true)
        var detour = fixture!
        detour.id = "detours"
        detour.states["ask"]!.otherwise!.detour = "no-such-detour"
        #expect(library.add([detour]).first?.message.contains("does not exist") == true)
        #expect(library.add([fixture!]).isEmpty)
        #expect(library.dialogue(id: "fixture") != nil)
    }
}
