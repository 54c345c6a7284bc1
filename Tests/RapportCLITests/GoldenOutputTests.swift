import Foundation
import Testing

/// The exact bytes `analyze --json`, `analyze --json --explain` and `rewrite --json` print
/// for every labelled line, example and benchmark line, as pinned in Fixtures/golden/ by
/// `benchmarks/golden_outputs.py --write`. A change to the machinery must leave every byte
/// as it was; a change to the vocabulary changes them on purpose, and the files are
/// regenerated (after reading what changed) with that script.
@Suite struct GoldenOutputTests {
    static let folder = BinaryRunner.packageRoot.appending(path: "Tests/RapportCLITests/Fixtures/golden")

    /// The pinned output lines of one file (split at "\n" only, as the binary writes them).
    static func pinned(_ name: String) throws -> [String] {
        let data = try #require(FileManager.default.contents(atPath: folder.appending(path: name).path), "missing golden file \(name)")
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The input of each line, read back from the pinned `analyze --json` objects.
    static func inputs() throws -> [String] {
        try pinned("analyze.jsonl").enumerated().map { number, line in
            let object = try #require(BinaryRunner.jsonObject(line), "analyze.jsonl:\(number + 1) is not JSON")
            return try #require(object["input"] as? String, "analyze.jsonl:\(number + 1) has no input")
        }
    }

    @Test(arguments: [
        ("analyze.jsonl", ["analyze", "--json"]),
        ("analyze-explain.jsonl", ["analyze", "--json", "--explain"]),
        ("rewrite.jsonl", ["rewrite", "--json"]),
    ])
    func outputIsByteForByteAsPinned(file: String, arguments: [String]) throws {
        let inputs = try GoldenOutputTests.inputs()
        let expected = try GoldenOutputTests.pinned(file)
        guard expected.count == inputs.count else {
            Issue.record("\(file) and analyze.jsonl pin different inputs: run benchmarks/golden_outputs.py --write")
            return
        }
        let input = Data(inputs.map { $0 + "\n" }.joined().utf8)
        let result = try BinaryRunner.run(arguments, input: input, timeout: 300)
        guard result.status == 0 else {
            Issue.record("rapport \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.errors)")
            return
        }
        var output = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if output.last == "" { output.removeLast() }
        guard output.count == expected.count else {
            Issue.record("\(output.count) lines printed for \(expected.count) inputs")
            return
        }
        let differing = zip(expected, output).enumerated().filter { $0.element.0 != $0.element.1 }
        for (index, pair) in differing.prefix(5) {
            Issue.record("\(file):\(index + 1) differs\n  pinned: \(pair.0)\n  now:    \(pair.1)")
        }
        #expect(differing.isEmpty, """
            \(differing.count) of \(expected.count) lines differ from Tests/RapportCLITests/Fixtures/golden/\(file). \
            If the vocabulary changed them on purpose, read `python3 benchmarks/golden_outputs.py`, then run it with --write.
            """)
    }
}
