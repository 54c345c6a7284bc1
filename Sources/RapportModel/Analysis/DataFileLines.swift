/// The meaningful lines of a vocabulary file: numbered from 1, with `#` comments removed
/// (a `#` starts a comment at the start of a line or after a space). Works on UTF-8 bytes,
/// because the whole vocabulary is read at every start-up.
struct DataFileLines: Sequence {
    struct Line {
        var number: Int
        var text: Substring
        /// Whether the line starts with a space or tab (a continuation line).
        var isIndented: Bool

        /// The 1-based column of `index` in this line, in Unicode scalars.
        func column(of index: Substring.Index) -> Int {
            text.unicodeScalars.distance(from: text.startIndex, to: index) + 1
        }
    }

    let text: String

    func makeIterator() -> AnyIterator<Line> {
        let bytes = text.utf8
        var position = bytes.startIndex
        var number = 0
        return AnyIterator {
            while position < bytes.endIndex {
                number += 1
                let lineEnd = bytes[position...].firstIndex(of: 10) ?? bytes.endIndex
                var contentEnd = lineEnd
                var previous: UInt8 = 32
                var index = position
                while index < lineEnd {
                    let byte = bytes[index]
                    if byte == 35 && (previous == 32 || previous == 9) {
                        contentEnd = index
                        break
                    }
                    previous = byte
                    index = bytes.index(after: index)
                }
                let start = position
                position = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
                let content = bytes[start..<contentEnd]
                guard content.contains(where: { $0 != 32 && $0 != 9 && $0 != 13 }) else { continue }
                let first = content.first!
                return Line(number: number, text: Substring(content), isIndented: first == 32 || first == 9)
            }
            return nil
        }
    }
}

extension Substring {
    /// Without spaces, tabs or carriage returns at either end.
    var trimmedSpaces: Substring {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != 32 && $0 != 9 && $0 != 13 }),
              let last = bytes.lastIndex(where: { $0 != 32 && $0 != 9 && $0 != 13 })
        else { return self[endIndex...] }
        return Substring(bytes[first...last])
    }

    /// Pieces between `separator` bytes, each with where it starts.
    func pieces(separatedBy separator: UInt8) -> [Substring] {
        var result: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == separator {
                result.append(Substring(utf8[start..<index]))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        result.append(Substring(utf8[start..<utf8.endIndex]))
        return result
    }
}
