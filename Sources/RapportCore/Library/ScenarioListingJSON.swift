/// One practice in `rapport scenarios --json`:
///
///     {"id": "apology", "title": "Rehearse an apology", "summary": "…", "source": "built-in"}
///
/// `source` is `built-in` or `user` (a file in the user's dialogue folders, named in `file`).
public enum ScenarioListingJSON {
    public static func object(_ dialogue: Dialogue, builtIn: Bool) -> JSONText {
        var json = JSONText()
        json.raw("{")
        json.key("id"); json.string(dialogue.id); json.raw(", ")
        json.key("title"); json.string(dialogue.title); json.raw(", ")
        json.key("summary"); json.string(dialogue.summary); json.raw(", ")
        json.key("source"); json.string(builtIn ? "built-in" : "user")
        if !builtIn {
            json.raw(", "); json.key("file"); json.string(dialogue.file)
        }
        json.raw("}")
        return json
    }
}
