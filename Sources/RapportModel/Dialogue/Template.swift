/// `{name}` placeholders in a dialogue's lines: captured slots (`{situation}`), the
/// user's words for a signal (`{said.excuse}`, or `{said.label|contempt}` for the first of
/// several), the whole sentence those words were in (`{sentence.appreciation}`: "thanks so
/// much for the lift, it meant a lot", where `{said.…}` gives only "thanks"), and a few the
/// engine fills itself (`{last}`, `{partner}`, `{jab}`, and `{rewrite}`/`{rewrite-note}`: an
/// I-statement version of the last reply and why it changed).
public enum Template {
    /// Names the engine fills without a capture.
    public static let builtInNames: Set<String> = ["last", "partner", "jab", "rewrite", "rewrite-note"]

    /// The signal kind names in a `said.` or `sentence.` placeholder: `said.label|contempt` →
    /// label, contempt.
    public static func saidKinds(_ name: String) -> [String] {
        guard let dot = name.firstIndex(of: ".") else { return [] }
        return name[name.index(after: dot)...].split(separator: "|").map(String.init)
    }

    /// The placeholder names in `text`, in order, with their offsets (in characters).
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in text {
            if character == "{" {
                current = ""
            } else if character == "}", let name = current {
                if !name.isEmpty { names.append(name) }
                current = nil
            } else if current != nil {
                if character.isLetter || character.isNumber || character == "-" || character == "_" || character == "." || character == "|" {
                    current! += String(character)
                } else {
                    current = nil
                }
            }
        }
        return names
    }

    /// `text` with each placeholder replaced by `value(name)`; unknown names are left as written.
    public static func render(_ text: String, _ value: (String) -> String?) -> String {
        guard text.contains("{") else { return text }
        var out = ""
        var pending: String?
        for character in text {
            if character == "{" {
                if let open = pending { out += "{" + open }
                pending = ""
            } else if character == "}", let name = pending {
                out += value(name) ?? "{\(name)}"
                pending = nil
            } else if pending != nil {
                if character.isLetter || character.isNumber || character == "-" || character == "_" || character == "." || character == "|" {
                    pending! += String(character)
                } else {
                    out += "{" + pending! + String(character)
                    pending = nil
                }
            } else {
                out.append(character)
            }
        }
        if let open = pending { out += "{" + open }
        return out
    }
}
