// Build-time tool run by the EmbedResources plugin.
//
// usage: RapportEmbed OUTPUT.swift GROUP=DIR FILE... [GROUP=DIR FILE...]
//
// Writes a Swift source declaring `EmbeddedResources`, which holds the text of every
// FILE under the group it follows, named by its path relative to that group's DIR.
// The text is embedded byte for byte, so a test can prove the binary carries the files.
import Foundation

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

var source = """
// Generated at build time by RapportEmbed from the package's data folders. Do not edit.

/// The data files built into the binary, by group, each as (relative path, text).
enum EmbeddedResources {

"""
for group in groups {
    source += "    static let \(group.name): [(path: String, text: String)] = [\n"
    for file in group.files.sorted() {
        guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
        guard let text = String(data: data, encoding: .utf8) else { fail("\(file) is not UTF-8") }
        guard text.unicodeScalars.allSatisfy({ $0 != "\r" }) else { fail("\(file) has CR line endings; use LF") }
        let relative = file.hasPrefix(group.root + "/") ? String(file.dropFirst(group.root.count + 1)) : file
        source += "        (path: \(quoted(relative)), text: \(rawLiteral(text))),\n"
    }
    source += "    ]\n"
}
source += "}\n"

do {
    let existing = FileManager.default.contents(atPath: outputPath)
    if existing != Data(source.utf8) {
        try Data(source.utf8).write(to: URL(fileURLWithPath: outputPath))
    }
} catch {
    fail("cannot write \(outputPath): \(error.localizedDescription)")
}
