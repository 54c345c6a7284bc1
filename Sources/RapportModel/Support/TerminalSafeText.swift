/// Text made safe to print on a terminal: control characters, escape sequences and
/// bidirectional overrides the user typed are shown as visible escapes (`^[`, `<U+202E>`)
/// instead of being sent raw, where they could move the cursor, recolour or spoof output.
public enum TerminalSafeText {
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x09: out += " "
            case 0x0A, 0x0D: out += " "
            case 0x00..<0x20: out += "^" + String(Unicode.Scalar(scalar.value + 0x40)!)
            case 0x7F: out += "^?"
            default: out += "<U+" + String(scalar.value, radix: 16, uppercase: true) + ">"
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }
}
