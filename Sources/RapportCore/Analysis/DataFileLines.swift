/// The meaningful lines of a vocabulary file: numbered from 1, with `#` comments removed
/// (a `#` starts a comment at the start of a line or after a space).
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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        var number = 0
        return AnyIterator {
            while let raw = lines.next() {
                number += 1
                var content = raw
                if let comment = DataFileLines.commentStart(in: raw) { content = raw[..<comment] }
                if content.allSatisfy(\.isWhitespace) { continue }
                let indented = content.first == " " || content.first == "\t"
                return Line(number: number, text: content, isIndented: indented)
            }
            return nil
        }
    }

    private static func commentStart(in line: Substring) -> Substring.Index? {
        var previous: Character = " "
        for index in line.indices {
            if line[index] == "#" && (previous == " " || previous == "\t") { return index }
            previous = line[index]
        }
        return nil
    }
}
