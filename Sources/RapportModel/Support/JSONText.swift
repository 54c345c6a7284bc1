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
        var value = value
        value.withUTF8 { JSONText.appendQuoted($0, to: &bytes) }
    }

    /// Appends `utf8` quoted and escaped: `"` and `\` with a backslash, newline, return and
    /// tab by name, other control characters, DEL and the line and paragraph separators
    /// (U+2028, U+2029, which some readers take for line ends) as `\uXXXX`. Works on the
    /// bytes, copying each run that needs no escaping whole; a Swift string is always valid
    /// UTF-8, so this is the same as going scalar by scalar.
    static func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        var runStart = 0
        var index = 0
        func escape(_ replacement: StaticString, skipping length: Int) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            index += length
            runStart = index
        }
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case 0x22: escape("\\\"", skipping: 1)
            case 0x5C: escape("\\\\", skipping: 1)
            case 0x0A: escape("\\n", skipping: 1)
            case 0x0D: escape("\\r", skipping: 1)
            case 0x09: escape("\\t", skipping: 1)
            case 0x7F: escape("\\u007f", skipping: 1)
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && utf8[index + 2] == 0xA8:
                escape("\\u2028", skipping: 3)
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && utf8[index + 2] == 0xA9:
                escape("\\u2029", skipping: 3)
            case 0..<0x20:
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                let digits: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
                index += 1
                runStart = index
            default:
                index += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        out.append(0x22)
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
        var value = value
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 2)
        value.withUTF8 { appendQuoted($0, to: &bytes) }
        out += String(decoding: bytes, as: UTF8.self)
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
