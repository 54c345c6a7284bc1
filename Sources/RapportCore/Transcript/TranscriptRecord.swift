import Foundation

/// One line of a transcript file, as SPEC.md fixes it.
public enum TranscriptRecord: Sendable, Equatable {
    case session(scenario: String, started: Date, version: String, seed: UInt64, difficulty: Difficulty?)
    case turn(speaker: Speaker, state: String, text: String, signals: [SignalKind]?)
    case end(outcome: Outcome, ended: Date, scorecard: Scorecard)

    /// The record as one line of JSON (no newline).
    public var jsonLine: String {
        var json = JSONText()
        json.raw("{")
        switch self {
        case let .session(scenario, started, version, seed, difficulty):
            json.key("type"); json.string("session"); json.raw(", ")
            json.key("scenario"); json.string(scenario); json.raw(", ")
            json.key("started"); json.string(TranscriptRecord.timestamp(started)); json.raw(", ")
            json.key("version"); json.string(version); json.raw(", ")
            json.key("seed"); json.raw(String(seed))
            if let difficulty {
                json.raw(", "); json.key("difficulty"); json.string(difficulty.rawValue)
            }
        case let .turn(speaker, state, text, signals):
            json.key("type"); json.string("turn"); json.raw(", ")
            json.key("speaker"); json.string(speaker.rawValue); json.raw(", ")
            json.key("state"); json.string(state); json.raw(", ")
            json.key("text"); json.string(text)
            if let signals {
                json.raw(", "); json.key("signals"); json.raw("[")
                for (index, kind) in signals.enumerated() {
                    if index > 0 { json.raw(", ") }
                    json.string(kind.rawValue)
                }
                json.raw("]")
            }
        case let .end(outcome, ended, scorecard):
            json.key("type"); json.string("end"); json.raw(", ")
            json.key("outcome"); json.string(outcome.rawValue); json.raw(", ")
            json.key("ended"); json.string(TranscriptRecord.timestamp(ended)); json.raw(", ")
            json.key("scorecard"); json.raw("{")
            json.key("met"); TranscriptRecord.strings(scorecard.met, into: &json); json.raw(", ")
            json.key("missed"); TranscriptRecord.strings(scorecard.missed, into: &json); json.raw(", ")
            json.key("pitfalls"); json.raw("[")
            for (index, pitfall) in scorecard.pitfalls.enumerated() {
                if index > 0 { json.raw(", ") }
                json.raw("{"); json.key("kind"); json.string(pitfall.kind.rawValue); json.raw(", ")
                json.key("text"); json.string(pitfall.text); json.raw("}")
            }
            json.raw("]")
            if let next = scorecard.next {
                json.raw(", "); json.key("next"); json.string(next)
            }
            json.raw("}")
        }
        json.raw("}")
        return json.text
    }

    private static func strings(_ values: [String], into json: inout JSONText) {
        json.raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { json.raw(", ") }
            json.string(value)
        }
        json.raw("]")
    }

    /// RFC 3339 in UTC, to the second: "2026-11-22T15:04:05Z".
    public static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    static func date(from text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }

    /// Reads one line; nil when it is not a record this version understands.
    public init?(jsonLine line: String) {
        guard let data = line.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let type = object["type"] as? String
        else { return nil }
        switch type {
        case "session":
            guard let scenario = object["scenario"] as? String, let started = (object["started"] as? String).flatMap(TranscriptRecord.date) else { return nil }
            let seed = (object["seed"] as? NSNumber)?.uint64Value ?? 0
            self = .session(scenario: scenario, started: started, version: object["version"] as? String ?? "?", seed: seed,
                            difficulty: (object["difficulty"] as? String).flatMap(Difficulty.init(rawValue:)))
        case "turn":
            guard let speaker = (object["speaker"] as? String).flatMap(Speaker.init(rawValue:)),
                  let text = object["text"] as? String else { return nil }
            let signals = (object["signals"] as? [String])?.compactMap(SignalKind.init(rawValue:))
            self = .turn(speaker: speaker, state: object["state"] as? String ?? "", text: text, signals: signals)
        case "end":
            guard let outcome = (object["outcome"] as? String).flatMap(Outcome.init(rawValue:)),
                  let card = object["scorecard"] as? [String: Any] else { return nil }
            let pitfalls = (card["pitfalls"] as? [[String: Any]] ?? []).compactMap { item -> Scorecard.Pitfall? in
                guard let kind = (item["kind"] as? String).flatMap(SignalKind.init(rawValue:)), let text = item["text"] as? String else { return nil }
                return Scorecard.Pitfall(kind: kind, text: text)
            }
            let scorecard = Scorecard(met: card["met"] as? [String] ?? [], missed: card["missed"] as? [String] ?? [],
                                      pitfalls: pitfalls, next: card["next"] as? String)
            self = .end(outcome: outcome, ended: (object["ended"] as? String).flatMap(TranscriptRecord.date) ?? .distantPast,
                        scorecard: scorecard)
        default:
            return nil
        }
    }
}
