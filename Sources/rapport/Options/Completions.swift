import ArgumentParser
import Foundation
import RapportCore

/// What the shell completes for rapport's arguments (`rapport --generate-completion-script
/// bash|zsh|fish`). Practice and session IDs are looked up when Tab is pressed: the shell
/// runs `rapport ---completion …`, which calls these. They print nothing else, so a broken
/// dialogue file or a missing folder completes nothing rather than garbling the prompt.
enum Completions {
    /// The practices, built-in and the user's (honouring a `--dialogues DIR` on the line).
    static var practices: CompletionKind {
        .custom { words, _, prefix in
            matching(prefix, in: library(words).scenarios.map(\.id))
        }
    }

    /// Every dialogue, detours included (what `rapport graph` can draw).
    static var dialogues: CompletionKind {
        .custom { words, _, prefix in
            matching(prefix, in: library(words).dialogues.map(\.id))
        }
    }

    /// Saved sessions' IDs, from `--transcripts DIR` on the line, else the usual folder.
    static var transcripts: CompletionKind {
        .custom { words, _, prefix in
            let folder = TranscriptFolder.resolve(option: value(of: "--transcripts", in: words))
            return matching(prefix, in: (try? TranscriptStore(folder: folder).ids()) ?? [])
        }
    }

    /// A dialogue file.
    static var yamlFiles: CompletionKind { .file(extensions: ["yaml", "yml"]) }

    /// A folder (for --transcripts and --dialogues).
    static var folders: CompletionKind { .directory }

    private static func matching(_ prefix: String, in candidates: [String]) -> [String] {
        candidates.filter { $0.hasPrefix(prefix) }
    }

    private static func library(_ words: [String]) -> DialogueLibrary {
        guard let compiled = try? BuiltIn.compiled() else { return DialogueLibrary([]) }
        var library = DialogueLibrary.builtIn(from: compiled)
        let option = value(of: "--dialogues", in: words)
        _ = UserDialogues.add(to: &library, folders: UserDialogues.folders(option: option),
                              explicit: option.map { URL(fileURLWithPath: $0) })
        return library
    }

    /// The value given to `name` on the command line (`--name VALUE` or `--name=VALUE`),
    /// unquoted and with a leading `~/` expanded, as the shell would pass it.
    static func value(of name: String, in words: [String]) -> String? {
        var found: String?
        for (index, word) in words.enumerated() {
            if word == name, index + 1 < words.count {
                found = words[index + 1]
            } else if word.hasPrefix(name + "=") {
                found = String(word.dropFirst(name.count + 1))
            }
        }
        guard var value = found, !value.isEmpty else { return nil }
        if value.count >= 2, let first = value.first, first == value.last, first == "'" || first == "\"" {
            value = String(value.dropFirst().dropLast())
        }
        if value.hasPrefix("~/") {
            value = (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + value.dropFirst()
        }
        return value
    }
}
