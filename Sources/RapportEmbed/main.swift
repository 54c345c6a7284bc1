// Build-time compiler run by the EmbedResources plugin.
//
// usage: RapportEmbed OUTPUT.swift GROUP=DIR [GROUP=DIR ...]
//
// Checks and compiles the data files (groups "dialogues" and "vocabulary"), then writes a
// Swift source declaring `EmbeddedResources`: the text of every FILE, named by its path
// relative to its group's DIR and embedded byte for byte (so a test can prove the binary
// carries the files), and `snapshot`, their compiled form in base64. A data file with a
// problem stops the build with `file:line:column: error: …`.
import Foundation
import RapportModel

struct Group {
    var name: String
    var root: String
    var files: [String] = []
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("RapportEmbed: \(message)\n".utf8))
    exit(1)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard !arguments.isEmpty else { fail("usage: RapportEmbed OUTPUT.swift GROUP=DIR FILE...") }
let outputPath = arguments.removeFirst()

/// The data files a group holds: `Dialogues/*.yaml` at the top level only; everything
/// under `Vocabulary/` with a data extension.
func dataFiles(of group: String, in root: String) -> [String] {
    let manager = FileManager.default
    switch group {
    case "dialogues":
        let names = (try? manager.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { root + "/" + $0 }
    default:
        let found = manager.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".rules") || $0.hasSuffix(".tsv") }.map { root + "/" + $0 }
    }
}

var groups: [Group] = []
for argument in arguments {
    guard let equals = argument.firstIndex(of: "=") else { fail("expected GROUP=DIR, got \(argument)") }
    let name = String(argument[..<equals])
    let root = String(argument[argument.index(after: equals)...])
    groups.append(Group(name: name, root: root, files: dataFiles(of: name, in: root)))
}

/// A raw string literal that holds `text` exactly: enough `#`s that nothing inside can end it or escape.
func rawLiteral(_ text: String) -> String {
    var longestRun = 0
    var run = 0
    for character in text.unicodeScalars {
        if character == "#" { run += 1; longestRun = max(longestRun, run) } else { run = 0 }
    }
    let hashes = String(repeating: "#", count: longestRun + 1)
    return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
}

/// A one-line string literal for a file path.
func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

var texts: [String: [(path: String, text: String)]] = [:]
for group in groups {
    texts[group.name] = group.files.sorted().map { file in
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            fail("cannot read \(file) as UTF-8")
        }
        let relative = file.hasPrefix(group.root + "/") ? String(file.dropFirst(group.root.count + 1)) : file
        return (relative, text)
    }
}

let roots = Dictionary(groups.map { ($0.name, $0.root) }, uniquingKeysWith: { first, _ in first })

let compiled: CompiledData
do {
    compiled = try CompiledData.compile(dialogues: texts["dialogues"] ?? [], vocabulary: texts["vocabulary"] ?? [])
} catch {
    let dialogueFiles = Set((texts["dialogues"] ?? []).map(\.path))
    for diagnostic in error.diagnostics {
        var located = diagnostic
        let group = dialogueFiles.contains(diagnostic.file) ? "dialogues" : "vocabulary"
        located.file = (roots[group] ?? group) + "/" + diagnostic.file
        FileHandle.standardError.write(Data((located.description + "\n").utf8))
    }
    exit(1)
}

var source = """
// Generated at build time by RapportEmbed from the package's data folders. Do not edit.

/// The data files built into the binary, by group, each as (relative path, text).
enum EmbeddedResources {

"""
for group in groups {
    source += "    static let \(group.name): [(path: String, text: String)] = [\n"
    for (path, text) in texts[group.name] ?? [] {
        guard text.unicodeScalars.allSatisfy({ $0 != "\r" }) else { fail("\(path) has CR line endings; use LF") }
        source += "        (path: \(quoted(path)), text: \(rawLiteral(text))),\n"
    }
    source += "    ]\n"
}
source += "\n    /// The compiled form of the files above, in base64.\n"
source += "    static let snapshot = \"\(Base64.encode(compiled.encoded()))\"\n"
source += "}\n"

do {
    let existing = FileManager.default.contents(atPath: outputPath)
    if existing != Data(source.utf8) {
        try Data(source.utf8).write(to: URL(fileURLWithPath: outputPath))
    }
} catch {
    fail("cannot write \(outputPath): \(error.localizedDescription)")
}
