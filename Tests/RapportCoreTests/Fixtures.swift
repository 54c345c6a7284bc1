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
