import Foundation
import Testing
@testable import RapportCore
@testable import RapportModel

/// The binary carries exactly the files in Dialogues/ and Vocabulary/, and its compiled
/// snapshot is what those files compile to.
@Suite struct EmbeddedDataTests {
    @Test func builtInDialoguesEqualTheFiles() throws {
        let folder = Fixtures.packageRoot.appending(path: "Dialogues")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(BuiltIn.dialogueFiles.map(\.path) == names)
        for (path, text) in BuiltIn.dialogueFiles {
            let onDisk = try String(contentsOf: folder.appending(path: path), encoding: .utf8)
            #expect(text == onDisk, "the binary's copy of \(path) differs from the file; if you added it recently, run `touch Package.swift` and build again")
        }
    }

    @Test func builtInVocabularyEqualsTheFiles() throws {
        let folder = Fixtures.packageRoot.appending(path: "Vocabulary")
        let found = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".rules") || $0.hasSuffix(".tsv") }.sorted()
        #expect(BuiltIn.vocabularyFiles.map(\.path).sorted() == found)
        for (path, text) in BuiltIn.vocabularyFiles {
            let onDisk = try String(contentsOf: folder.appending(path: path), encoding: .utf8)
            #expect(text == onDisk, "the binary's copy of \(path) differs from the file")
        }
    }

    @Test func snapshotIsWhatTheFilesCompileTo() throws {
        let fresh = try CompiledData.compile(dialogues: BuiltIn.dialogueFiles, vocabulary: BuiltIn.vocabularyFiles)
        let embedded = try Fixtures.compiled
        let same = fresh.encoded() == embedded.encoded()
        #expect(same, "compiling the same files twice must give the same bytes")
        #expect(fresh.dialogues == embedded.dialogues)
        #expect(fresh.rewriting == embedded.rewriting)
    }

    @Test func damagedSnapshotsAreErrorsNotCrashes() throws {
        let bytes = try Fixtures.compiled.encoded()
        #expect(throws: SnapshotError.self) { try CompiledData.decode(Array(bytes.prefix(bytes.count / 2))) }
        #expect(throws: SnapshotError.self) { try CompiledData.decode(bytes + [1, 2, 3]) }
        #expect(throws: SnapshotError.self) { try CompiledData.decode([]) }
    }

    /// A second run should not feel canned: every line a practice says has at least two
    /// wordings, except lines that are only the rewriter's output ("Try: {rewrite}").
    @Test func everyPracticeLineHasVariants() throws {
        let practised = try Fixtures.library.dialogues.filter { $0.role == .scenario || $0.role == .detour }
        #expect(practised.count > 5 && practised.allSatisfy { !DialogueChecker.allSpokenLines(of: $0).isEmpty })
        for dialogue in practised {
            for (line, state) in DialogueChecker.allSpokenLines(of: dialogue) where line.variants.count < 2 {
                let onlyTemplate = line.variants.allSatisfy { $0.contains("{rewrite") }
                #expect(onlyTemplate, "\(dialogue.id) \(state ?? ""): one wording only: \(line.variants.first ?? "")")
            }
        }
    }
}
