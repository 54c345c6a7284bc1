/// Splits a line into raw pieces: words, punctuation and symbols (emoji), each with
/// its place in the line counted in Unicode scalars. No vocabulary is involved here.
struct RawPiece: Sendable {
    enum Kind: Sendable {
        case word
        /// Sentence-ending or clause punctuation, folded to one ASCII character
        /// (`.` `!` `?` `,` `;` `:` `-` `(` `)` `"`, and `'` for a single quote mark).
        case punctuation
        /// Anything else that is not space: emoji and other symbols.
        case symbol
    }

    var kind: Kind
    /// Words: lowercased, apostrophes folded to `'`. Punctuation: its folded character.
    var text: String
    var start: Int
    var end: Int
}

enum TextScanner {
    /// The pieces of a line, and its length in Unicode scalars. Plain ASCII lines are read
    /// straight from their bytes; others are decoded to scalars first.
    static func scan(_ line: String) -> (pieces: [RawPiece], scalarCount: Int) {
        var line = line
        let ascii = line.withUTF8 { bytes -> [RawPiece]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return scan(ASCIIScalars(bytes: bytes))
        }
        if let ascii { return (ascii, line.utf8.count) }
        let scalars = Array(line.unicodeScalars)
        return (scan(scalars), scalars.count)
    }

    /// The bytes of an ASCII line seen as Unicode scalars, without copying them.
    private struct ASCIIScalars: RandomAccessCollection {
        let bytes: UnsafeBufferPointer<UInt8>
        var startIndex: Int { 0 }
        var endIndex: Int { bytes.count }
        subscript(position: Int) -> Unicode.Scalar { Unicode.Scalar(bytes[position]) }
    }

    static func scan<Scalars: RandomAccessCollection>(_ scalars: Scalars) -> [RawPiece]
    where Scalars.Element == Unicode.Scalar, Scalars.Index == Int {
        var pieces: [RawPiece] = []
        pieces.reserveCapacity(scalars.count / 4 + 2)
        var index = 0
        let count = scalars.count
        // One buffer for the line's words, emptied per word (an array per word cost a
        // malloc and a free each).
        var ascii: [UInt8] = []
        ascii.reserveCapacity(32)
        while index < count {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                let start = index
                ascii.removeAll(keepingCapacity: true)
                var word: String.UnicodeScalarView?
                while index < count {
                    let current = scalars[index]
                    var folded: Unicode.Scalar
                    if isWordScalar(current) {
                        folded = current
                    } else if isApostrophe(current), index + 1 < count, isWordScalar(scalars[index + 1]), index > start {
                        folded = "'"
                    } else {
                        break
                    }
                    let value = folded.value
                    if word == nil && value < 0x80 {
                        ascii.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
                    } else {
                        if word == nil {
                            word = String.UnicodeScalarView(String(decoding: ascii, as: UTF8.self).unicodeScalars)
                        }
                        appendLowercased(folded, to: &word!)
                    }
                    index += 1
                }
                let text = word.map(String.init) ?? String(decoding: ascii, as: UTF8.self)
                pieces.append(RawPiece(kind: .word, text: text, start: start, end: index))
                continue
            }
            // A hyphen inside a word ("self-harm") only separates its parts.
            if scalar == "-", index > 0, index + 1 < count, isWordScalar(scalars[index - 1]), isWordScalar(scalars[index + 1]) {
                index += 1
                continue
            }
            if let folded = foldedPunctuation(scalar) {
                // A run of the same mark ("!!!", "...") is one piece.
                let start = index
                index += 1
                while index < count, foldedPunctuation(scalars[index]) == folded { index += 1 }
                pieces.append(RawPiece(kind: .punctuation, text: String(folded), start: start, end: index))
                continue
            }
            if scalar == " " || (scalar.value >= 0x80 && (scalar.properties.isWhitespace || isIgnorable(scalar)))
                || (scalar.value < 0x20 || scalar.value == 0x7F) {
                index += 1
                continue
            }
            pieces.append(RawPiece(kind: .symbol, text: String(Character(scalar)), start: index, end: index + 1))
            index += 1
        }
        return pieces
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark, .letterNumber:
            return true
        default:
            return false
        }
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}" || scalar == "`"
    }

    /// Variation selectors, joiners and skin-tone modifiers carry no meaning of their own.
    private static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE00...0xFE0F, 0x200B...0x200D, 0x2060, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F:
            return true
        default:
            return scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
        }
    }

    private static func foldedPunctuation(_ scalar: Unicode.Scalar) -> Character? {
        switch scalar {
        case ".", "\u{2026}", "\u{3002}": return "."
        case "!", "\u{00A1}": return "!"
        case "?", "\u{00BF}", "\u{061F}": return "?"
        case ",", "\u{060C}", "\u{3001}": return ","
        case ";": return ";"
        case ":": return ":"
        case "-", "\u{2013}", "\u{2014}", "\u{2015}": return "-"
        case "(", "[", "{": return "("
        case ")", "]", "}": return ")"
        case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}": return "\""
        case "'", "\u{2018}", "\u{2019}", "`": return "'"
        default: return nil
        }
    }

    private static func appendLowercased(_ scalar: Unicode.Scalar, to word: inout String.UnicodeScalarView) {
        let value = scalar.value
        if value >= 0x41 && value <= 0x5A {
            word.append(Unicode.Scalar(value + 0x20)!)
        } else if value < 0x80 {
            word.append(scalar)
        } else {
            word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
    }
}
