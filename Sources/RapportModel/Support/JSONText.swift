/// Writes JSON text by hand: fast, in a fixed key order, and with every string escaped
/// so that control characters the user typed can never break a line of JSON Lines.
public struct JSONText: Sendable {
    /// The UTF-8 bytes written so far.
    public private(set) var bytes: [UInt8] = []

    public init() {
        bytes.reserveCapacity(256)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func raw(_ fragment: StaticString) {
        fragment.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Text already in JSON form (a number, say).
    public mutating func raw(_ fragment: String) {
        bytes.append(contentsOf: fragment.utf8)
    }

    public mutating func string(_ value: String) {
        let plain = value.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) else { return false }
            bytes.append(0x22)
            bytes.append(contentsOf: utf8)
            bytes.append(0x22)
            return true
        }
        if plain != true {
            var escaped = ""
            JSONText.appendQuoted(value, to: &escaped)
            bytes.append(contentsOf: escaped.utf8)
        }
    }

    public mutating func number(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(0x30 + UInt8(value))
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// `"key": ` with the quoting done.
    public mutating func key(_ name: StaticString) {
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [0x22, 0x3A, 0x20])
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
        analysisJSONBytes(input: input).text
    }

    /// The same, as UTF-8 bytes ready to write.
    public func analysisJSONBytes(input: String) -> JSONText {
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
            if let about = signal.about {
                // For crisis and risk: whose safety the words are about (an extra field).
                json.raw(", ")
                json.key("about")
                json.string(about.rawValue)
            }
            json.raw("}")
        }
        json.raw("]}")
        return json
    }
}

extension String {
    /// Without whitespace at either end.
    public var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
