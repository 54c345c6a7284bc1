/// How a `--json` listing is printed (`scenarios`, `transcripts list`, `progress`): one JSON
/// array, as gh prints its listings, with one element per line so a person can scan it and
/// `jq '.[]'` takes it apart. An empty listing is `[]`, never nothing.
public enum JSONListing {
    public static func text(_ elements: [JSONText]) -> String {
        guard !elements.isEmpty else { return "[]\n" }
        return "[\n" + elements.map { "  " + $0.text }.joined(separator: ",\n") + "\n]\n"
    }

}
