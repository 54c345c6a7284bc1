import Foundation
import RapportTestSupport
@testable import RapportCore

/// Paths and loaders for the test fixtures and the package's own data folders. Everything
/// here throws instead of crashing: a missing or damaged fixture fails the tests that use
/// it, with the file (and line) named, and every other test still runs.
enum Fixtures {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

    /// A fixture file's text, by its path under `Fixtures/`.
    static func text(_ relative: String) throws -> String {
        let url = folder.appending(path: relative)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw FixtureError("missing fixture \(relative)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// The built-in data, decoded once. A damaged snapshot is each test's error, not a crash.
    private static let decoded = Result { () throws(SnapshotError) -> CompiledData in try BuiltIn.compiled() }
    private static let loaded = decoded.map { compiled in
        let analyzer = Analyzer(vocabulary: compiled.vocabulary)
        return (analyzer, Rewriter(analyzer: analyzer, knowledge: compiled.rewriting))
    }

    static var compiled: CompiledData { get throws { try decoded.get() } }
    static var analyzer: Analyzer { get throws { try loaded.get().0 } }
    static var rewriter: Rewriter { get throws { try loaded.get().1 } }
    static var library: DialogueLibrary { get throws { DialogueLibrary.builtIn(from: try compiled) } }

    /// Fixtures/known-misses.txt: "FILE ID: missed|false KIND", "#" comments.
    static func knownMisses() throws -> Set<String> {
        var misses: Set<String> = []
        for (index, raw) in try text("known-misses.txt").split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
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

    /// A JSON-lines fixture as plain objects, for fields the strict readers do not know.
    static func jsonLines(_ relative: String) throws -> [[String: Any]] {
        var objects: [[String: Any]] = []
        for (index, line) in try text(relative).split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw FixtureError("\(relative):\(index + 1): not a JSON object")
            }
            objects.append(object)
        }
        return objects
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        try ScratchFolder.make("folder")
    }
}

/// A fixture that cannot be used, said with where it is ("analysis-cases.jsonl:12: …").
struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
