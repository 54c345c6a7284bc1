/// Writes JSON text by hand: fast, in a fixed key order, and with every string escaped
/// so that control characters the user typed can never break a line of JSON Lines.
public struct JSONText: Sendable {
    public private(set) var text = ""

    public init() {}

    public mutating func raw(_ fragment: String) {
        text += fragment
    }

    public mutating func string(_ value: String) {
        JSONText.appendQuoted(value, to: &text)
    }

    public mutating func number(_ value: Int) {
        text += String(value)
    }

    /// `"key": ` with the quoting done.
    public mutating func key(_ name: String) {
        JSONText.appendQuoted(name, to: &text)
        text += ": "
    }

    public static func quoted(_ value: String) -> String {
        var out = ""
        appendQuoted(value, to: &out)
        return out
    }

    public static func appendQuoted(_ value: String, to out: inout String) {
        // Most strings need no escaping: append them whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
            out += "\""
            out += value
            out += "\""
            return
        }
        out.unicodeScalars.append("\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.unicodeScalars.append("\"")
    }
}

extension Array where Element == Signal {
    /// The `analyze --json` object for one line, as SPEC.md fixes it.
    public func analysisJSON(input: String) -> String {
        var json = JSONText()
        json.raw("{")
        json.key("input")
        json.string(input)
        json.raw(", ")
        json.key("signals")
        json.raw("[")
        for (index, signal) in enumerated() {
            if index > 0 { json.raw(", ") }
            json.raw("{")
            json.key("kind")
            json.string(signal.kind.rawValue)
            json.raw(", ")
            json.key("text")
            json.string(signal.text)
            json.raw(", ")
            json.key("start")
            json.number(signal.start)
            json.raw(", ")
            json.key("end")
            json.number(signal.end)
            json.raw("}")
        }
        json.raw("]}")
        return json.text
    }
}
