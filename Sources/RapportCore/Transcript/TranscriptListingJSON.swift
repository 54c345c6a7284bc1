/// One saved session in `rapport transcripts list --json`:
///
///     {"id": "20261122-150405-apology-1a2b", "scenario": "apology", "started": "2026-11-22T15:04:05Z",
///      "outcome": "completed", "replies": 4, "skipped": 0, "path": "/home/…/20261122-150405-apology-1a2b.jsonl"}
///
/// `outcome` is null for a session cut off before its `end` record; `skipped` counts lines
/// of the file that could not be read.
public enum TranscriptListingJSON {
    public static func object(_ transcript: TranscriptStore.Transcript) -> JSONText {
        var json = JSONText()
        json.raw("{")
        json.key("id"); json.string(transcript.id); json.raw(", ")
        json.key("scenario"); nullable(transcript.scenario, &json); json.raw(", ")
        json.key("started"); nullable(transcript.started.map(TranscriptRecord.timestamp), &json); json.raw(", ")
        json.key("outcome"); nullable(transcript.outcome?.rawValue, &json); json.raw(", ")
        json.key("replies"); json.number(transcript.userLines.count); json.raw(", ")
        json.key("skipped"); json.number(transcript.skippedLines); json.raw(", ")
        json.key("path"); json.string(transcript.url.path)
        json.raw("}")
        return json
    }

    static func nullable(_ value: String?, _ json: inout JSONText) {
        if let value { json.string(value) } else { json.raw("null") }
    }
}
