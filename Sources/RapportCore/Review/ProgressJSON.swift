/// One practice in `rapport progress --json`, the same figures as the text:
///
///     {"id": "apology", "title": "Rehearse an apology", "sessions": 3,
///      "outcomes": {"completed": 2, "cut-off": 1},
///      "parts": [{"part": "remorse", "name": "Saying sorry", "met": 2, "asked": 2, "marks": [true, null, true]}],
///      "pitfalls": [{"kind": "excuse", "count": 2, "example": "but I was tired"}]}
///
/// `marks` has one entry per session, oldest first: met (true), missed (false) or not asked
/// for (null). `outcomes` counts only what happened; `cut-off` is a session with no `end`.
public enum ProgressJSON {
    public static func object(_ scenario: ProgressReport.ScenarioProgress) -> JSONText {
        var json = JSONText()
        json.raw("{")
        json.key("id"); json.string(scenario.id); json.raw(", ")
        json.key("title"); json.string(scenario.title); json.raw(", ")
        json.key("sessions"); json.number(scenario.sessions); json.raw(", ")
        json.key("outcomes"); json.raw("{")
        let order: [Outcome?] = Outcome.allCases.map { $0 } + [nil]
        var first = true
        for outcome in order {
            guard let count = scenario.outcomes[outcome], count > 0 else { continue }
            if !first { json.raw(", ") }
            first = false
            json.string(outcome?.rawValue ?? "cut-off"); json.raw(": "); json.number(count)
        }
        json.raw("}, ")
        json.key("parts"); json.raw("[")
        for (index, part) in scenario.parts.enumerated() {
            if index > 0 { json.raw(", ") }
            json.raw("{")
            json.key("part"); json.string(part.part); json.raw(", ")
            json.key("name"); json.string(part.name); json.raw(", ")
            json.key("met"); json.number(part.metCount); json.raw(", ")
            json.key("asked"); json.number(part.askedCount); json.raw(", ")
            json.key("marks"); json.raw("[")
            for (markIndex, mark) in part.marks.enumerated() {
                if markIndex > 0 { json.raw(", ") }
                switch mark {
                case true?: json.raw("true")
                case false?: json.raw("false")
                case nil: json.raw("null")
                }
            }
            json.raw("]}")
        }
        json.raw("], ")
        json.key("pitfalls"); json.raw("[")
        for (index, pitfall) in scenario.pitfalls.enumerated() {
            if index > 0 { json.raw(", ") }
            json.raw("{")
            json.key("kind"); json.string(pitfall.kind.rawValue); json.raw(", ")
            json.key("count"); json.number(pitfall.count); json.raw(", ")
            json.key("example"); json.string(pitfall.example)
            json.raw("}")
        }
        json.raw("]}")
        return json
    }
}
