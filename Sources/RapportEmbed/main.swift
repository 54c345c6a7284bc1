// Build-time compiler run by the EmbedResources plugin.
//
// usage: RapportEmbed OUTPUT.swift GROUP=DIR FILE... [GROUP=DIR FILE...]
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

var groups: [Group] = []
for argument in arguments {
    if let equals = argument.firstIndex(of: "="), !argument.hasPrefix("/") {
        groups.append(Group(name: String(argument[..<equals]), root: String(argument[argument.index(after: equals)...])))
    } else if groups.isEmpty {
        fail("file \(argument) comes before any GROUP=DIR")
    } else {
        groups[groups.count - 1].files.append(argument)
    }
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
    compiled = try CompiledData.compile(vocabulary: texts["vocabulary"] ?? [])
} catch {
    for diagnostic in error.diagnostics {
        var located = diagnostic
        located.file = (roots["vocabulary"] ?? "Vocabulary") + "/" + diagnostic.file
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
