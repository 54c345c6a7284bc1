/// `analyze --json --explain`: the object SPEC.md fixes for each line, with one more field,
/// `explain`, that says how the line was read and which vocabulary rule found each signal:
///
///     {"input": "I'm sorry", "signals": [...],
///      "explain": {"words": ["i", "am", "sorry"],
///                  "signals": [{"kind": "remorse", "text": "I'm sorry", "rule": "rules/apology.rules:6"}]}}
///
/// `explain.signals` is in the order of `signals`; `rule` is null when it is not known;
/// `why`, when present, says why a safety signal was made milder or added ("a negation comes
/// before it", "several signs of distress") or what the weighing of the whole line found.
/// `explain.set_aside` lists what a rule found but the weighing set aside, each with its `why`.
public enum ExplainedAnalysisJSON {
    public static func line(input: String, signals: [Signal], words: [String], setAside: [Signal] = []) -> JSONText {
        let fixed = signals.analysisJSONBytes(input: input).bytes
        var json = JSONText()
        // The fixed object, without its closing brace, so the new field goes inside it.
        json.raw(String(decoding: fixed.dropLast(), as: UTF8.self))
        json.raw(", ")
        json.key("explain")
        json.raw("{")
        json.key("words")
        json.raw("[")
        for (index, word) in words.enumerated() {
            if index > 0 { json.raw(", ") }
            json.string(word)
        }
        json.raw("], ")
        json.key("signals")
        explained(signals, into: &json)
        json.raw(", ")
        json.key("set_aside")
        explained(setAside, into: &json)
        json.raw("}}")
        return json
    }

    private static func explained(_ signals: [Signal], into json: inout JSONText) {
        json.raw("[")
        for (index, signal) in signals.enumerated() {
            if index > 0 { json.raw(", ") }
            json.raw("{")
            json.key("kind")
            json.string(signal.kind.rawValue)
            json.raw(", ")
            json.key("text")
            json.string(signal.text)
            json.raw(", ")
            json.key("rule")
            if let rule = signal.rule { json.string(rule.description) } else { json.raw("null") }
            if let note = signal.note {
                json.raw(", ")
                json.key("why")
                json.string(note)
            }
            json.raw("}")
        }
        json.raw("]")
    }
}
