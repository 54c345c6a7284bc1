import Foundation
@testable import RapportCore

/// Paths and loaders for the test fixtures and the package's own data folders.
enum Fixtures {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

    static func text(_ relative: String) -> String {
        let url = folder.appending(path: relative)
        guard let data = FileManager.default.contents(atPath: url.path) else { fatalError("missing fixture \(relative)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// A labelled line of an analysis fixture.
    struct LabelledLine {
        var id: String
        var text: String
        var present: [String]
        var absent: [String]
    }

    /// The labelled lines of an analysis fixture; a line that is not one is an error with
    /// its file and line number.
    static func labelledLines(_ relative: String) throws -> [LabelledLine] {
        var lines: [LabelledLine] = []
        for (index, raw) in text(relative).split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !raw.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: Any],
                  let id = object["id"] as? String, let text = object["text"] as? String,
                  let present = object["present"] as? [String], let absent = object["absent"] as? [String] else {
                throw FixtureError("\(relative):\(index + 1): not a labelled line (id, text, present, absent)")
            }
            lines.append(LabelledLine(id: id, text: text, present: present, absent: absent))
        }
        return lines
    }

    /// Fixtures/known-misses.txt: "FILE ID: missed|false KIND", "#" comments.
    static func knownMisses() throws -> Set<String> {
        var misses: Set<String> = []
        for (index, raw) in text("known-misses.txt").split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            guard !line.isEmpty else { continue }
            guard line.contains(": missed ") || line.contains(": false ") else {
                throw FixtureError("known-misses.txt:\(index + 1): expected 'FILE ID: missed KIND' or 'FILE ID: false KIND'")
            }
            misses.insert(line)
        }
        return misses
    }

    /// JSON Lines as dictionaries.
    static func jsonLines(_ relative: String) -> [[String: Any]] {
        text(relative).split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// The built-in data, decoded once.
    static let compiled: CompiledData = try! BuiltIn.compiled()
    static let analyzer = Analyzer(vocabulary: compiled.vocabulary)
    static let rewriter = Rewriter(analyzer: analyzer, knowledge: compiled.rewriting)
    static var library: DialogueLibrary { DialogueLibrary.builtIn(from: compiled) }

    /// A fresh temporary folder.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "rapport-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Collects transcript records in memory.
final class RecordingSink: TranscriptSink {
    var records: [TranscriptRecord] = []

    func append(_ record: TranscriptRecord) {
        records.append(record)
    }
}

/// A fixture file that cannot be read as its format says.
struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
