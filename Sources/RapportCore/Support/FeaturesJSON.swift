/// `analyze --features`: for each line, the features the weighing of the whole line reads,
/// as tools/train_weights.py trains on them:
///
///     {"input": "sorry!!", "features": ["rule:remorse", "word:sorry"]}
public enum FeaturesJSON {
    public static func line(input: String, features: [String]) -> JSONText {
        var json = JSONText()
        json.raw("{")
        json.key("input")
        json.string(input)
        json.raw(", ")
        json.key("features")
        json.raw("[")
        for (index, feature) in features.enumerated() {
            if index > 0 { json.raw(", ") }
            json.string(feature)
        }
        json.raw("]}")
        return json
    }
}
