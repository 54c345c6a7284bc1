import Testing
@testable import RapportCore

/// The fixture reader fails loudly, with the file and line, instead of dropping a line.
@Suite struct FixtureCasesTests {
    private func error(_ text: String) -> String? {
        do {
            _ = try FixtureCases.analysis(text: text, file: "cases.jsonl")
            return nil
        } catch {
            return "\(error)"
        }
    }

    private let good = #"{"id": "a1", "text": "I'm sorry", "present": ["remorse"], "absent": ["excuse"]}"#

    @Test func readsAGoodLineWithItsPlace() throws {
        let cases = try FixtureCases.analysis(text: good + "\n\n" + good + "\n", file: "cases.jsonl")
        #expect(cases.map(\.location) == ["cases.jsonl:1", "cases.jsonl:3"])
        #expect(cases.first?.present == [.remorse] && cases.first?.absent == [.excuse])
    }

    @Test(arguments: [
        ("{\"id\": \"a2\", \"text\": \"cut off", "cases.jsonl:2: not JSON"),
        ("[1, 2]", "cases.jsonl:2: not a JSON object"),
        (#"{"id": "a2", "text": "x", "present": []}"#, #"cases.jsonl:2: no "absent" field"#),
        (#"{"id": "a2", "text": "x", "present": [], "absent": [], "presnt": []}"#, #"cases.jsonl:2: unknown field "presnt""#),
        (#"{"id": "a2", "text": "x", "present": ["remorce"], "absent": []}"#, #"cases.jsonl:2: present names no signal kind "remorce""#),
        (#"{"id": "a2", "text": 7, "present": [], "absent": []}"#, "cases.jsonl:2: text must be a string"),
        (#"{"id": "a2", "text": "x", "present": ["label"], "absent": ["label"]}"#, "cases.jsonl:2: [\"label\"] both present and absent"),
    ])
    func aBadLineIsAnErrorAtItsLine(line: String, message: String) {
        let said = error(good + "\n" + line + "\n")
        #expect(said?.hasPrefix(message) == true, "got: \(said ?? "no error")")
    }

    @Test func anEmptyFileIsAnError() {
        #expect(error("\n")?.contains("no cases") == true)
    }

    @Test func rewriteCasesAreReadStrictlyToo() throws {
        let line = #"{"id": "w1", "text": "You never call.", "should_change": true, "reference": "", "topic_words": ["call"]}"#
        let read = try FixtureCases.rewrite(text: line, file: "r.jsonl")
        #expect(read.first?.shouldChange == true && read.first?.reference == nil && read.first?.topicWords == ["call"])
        #expect(throws: FixtureError.self) {
            try FixtureCases.rewrite(text: #"{"id": "w1", "text": "x", "should_change": "yes", "topic_words": []}"#, file: "r.jsonl")
        }
    }
}
