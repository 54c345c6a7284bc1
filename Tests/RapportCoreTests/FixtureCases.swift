import Foundation
@testable import RapportCore

/// One labelled line of an analysis fixture: the kinds that must be found, and the kinds
/// that must not.
struct AnalysisCase: Sendable {
    var id: String
    var text: String
    var present: [SignalKind]
    var absent: [SignalKind]
    /// "analysis-cases.jsonl:12", for messages.
    var location: String
}

/// One line of a rewrite fixture.
/// A line of a safety batch (Fixtures/safety/): what a careful counsellor called it.
struct SafetyCase: Sendable {
    var id: String
    var text: String
    /// crisis, risk or none.
    var label: String
    var location: String
}

struct RewriteCase: Sendable {
    var id: String
    var text: String
    var shouldChange: Bool
    /// A reviewed rewrite, where one has been written.
    var reference: String?
    var topicWords: [String]
    var location: String
}

/// Reads the JSON Lines fixtures strictly. A line that is not a JSON object, lacks a field,
/// has a field of the wrong type, has a field nobody reads (a misspelling), or names a
/// signal kind that does not exist is an error naming the file and line. Nothing is
/// dropped quietly: a dropped line is a label nobody checks.
enum FixtureCases {
    static func analysis(_ file: String) throws -> [AnalysisCase] {
        try analysis(text: try Fixtures.text(file), file: file)
    }

    static func rewrite(_ file: String) throws -> [RewriteCase] {
        try rewrite(text: try Fixtures.text(file), file: file)
    }

    /// A safety batch: each line labelled crisis, risk or none.
    static func safety(_ file: String) throws -> [SafetyCase] {
        try objects(try Fixtures.text(file), file: file, required: ["id", "text", "label"], optional: ["style", "why", "about"]).map { object, location in
            let label = try string(object["label"], "label", location)
            guard ["crisis", "risk", "none"].contains(label) else { throw FixtureError("\(location): label must be crisis, risk or none, not '\(label)'") }
            return SafetyCase(id: try string(object["id"], "id", location), text: try string(object["text"], "text", location),
                              label: label, location: location)
        }
    }

    static func analysis(text: String, file: String) throws -> [AnalysisCase] {
        try objects(text, file: file, required: ["id", "text", "present", "absent"], optional: ["style"]).map { object, location in
            let present = try kinds(object["present"], "present", location)
            let absent = try kinds(object["absent"], "absent", location)
            let both = Set(present).intersection(absent)
            guard both.isEmpty else { throw FixtureError("\(location): \(both.map(\.rawValue).sorted()) both present and absent") }
            return AnalysisCase(id: try string(object["id"], "id", location), text: try string(object["text"], "text", location),
                                present: present, absent: absent, location: location)
        }
    }

    static func rewrite(text: String, file: String) throws -> [RewriteCase] {
        try objects(text, file: file, required: ["id", "text", "should_change", "topic_words"], optional: ["reference"]).map { object, location in
            guard let shouldChange = object["should_change"] as? Bool else { throw FixtureError("\(location): should_change must be true or false") }
            let reference = try object["reference"].map { try string($0, "reference", location) }
            return RewriteCase(id: try string(object["id"], "id", location), text: try string(object["text"], "text", location),
                               shouldChange: shouldChange, reference: reference?.isEmpty == true ? nil : reference,
                               topicWords: try strings(object["topic_words"], "topic_words", location), location: location)
        }
    }

    /// Each non-empty line as an object with exactly the fields allowed, and where it is.
    static func objects(_ text: String, file: String, required: Set<String>, optional: Set<String>) throws -> [([String: Any], String)] {
        var found: [([String: Any], String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let location = "\(file):\(index + 1)"
            if line.allSatisfy(\.isWhitespace) { continue }
            let parsed: Any
            do {
                parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
            } catch {
                throw FixtureError("\(location): not JSON: \(error.localizedDescription)")
            }
            guard let object = parsed as? [String: Any] else { throw FixtureError("\(location): not a JSON object") }
            let keys = Set(object.keys)
            if let unknown = keys.subtracting(required).subtracting(optional).sorted().first {
                throw FixtureError("\(location): unknown field \"\(unknown)\" (a misspelling? add it to FixtureCases if it is new)")
            }
            if let missing = required.subtracting(keys).sorted().first { throw FixtureError("\(location): no \"\(missing)\" field") }
            found.append((object, location))
        }
        guard !found.isEmpty else { throw FixtureError("\(file): no cases") }
        return found
    }

    private static func string(_ value: Any?, _ field: String, _ location: String) throws -> String {
        guard let text = value as? String else { throw FixtureError("\(location): \(field) must be a string") }
        return text
    }

    private static func strings(_ value: Any?, _ field: String, _ location: String) throws -> [String] {
        guard let list = value as? [String] else { throw FixtureError("\(location): \(field) must be a list of strings") }
        return list
    }

    private static func kinds(_ value: Any?, _ field: String, _ location: String) throws -> [SignalKind] {
        try strings(value, field, location).map { name in
            guard let kind = SignalKind(rawValue: name) else { throw FixtureError("\(location): \(field) names no signal kind \"\(name)\"") }
            return kind
        }
    }
}
