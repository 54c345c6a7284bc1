/// Checks a dialogue file's text before any YAML parser sees it, so that a hostile or
/// broken file (huge, nested thousands deep, full of aliases) is refused with a clear
/// message instead of exhausting memory or the stack.
public enum YAMLGuard {
    public static let maximumBytes = 1 << 20
    static let maximumDepth = 64
    static let maximumIndent = 256

    static func problems(in text: String, file: String) -> [Diagnostic] {
        if text.utf8.count > maximumBytes {
            return [Diagnostic(file: file, message: "the file is larger than 1 MiB; a dialogue file should be far smaller")]
        }
        var line = 1
        var column = 0
        var depth = 0
        var quote: UInt8 = 0
        var indent = 0
        var atLineStart = true
        var inComment = false
        // Whether the next non-space byte starts a value (where '&', '*', quotes have meaning).
        var valueStart = true
        var previous: UInt8 = 10
        for byte in text.utf8 {
            column += 1
            defer { previous = byte }
            if byte == 10 {
                line += 1
                column = 0
                atLineStart = true
                indent = 0
                inComment = false
                valueStart = true
                if quote == 39 { quote = 0 }
                continue
            }
            if inComment { continue }
            if quote != 0 {
                if byte == quote && previous != 92 { quote = 0 }
                continue
            }
            if byte == 32 || byte == 9 {
                if atLineStart {
                    indent += 1
                    if indent > maximumIndent {
                        return [Diagnostic(file: file, line: line, column: column, message: "indented more than \(maximumIndent) spaces: nested too deeply")]
                    }
                }
                if previous == 58 || (previous == 45 && valueStart) { valueStart = true }
                continue
            }
            atLineStart = false
            if byte == 35 && (previous == 32 || previous == 9 || previous == 10) {
                inComment = true
                continue
            }
            switch byte {
            case 91, 123:
                depth += 1
                if depth > maximumDepth {
                    return [Diagnostic(file: file, line: line, column: column, message: "brackets nested more than \(maximumDepth) deep")]
                }
                valueStart = true
            case 93, 125:
                depth = max(0, depth - 1)
            case 44 where depth > 0:
                valueStart = true
            case 34 where valueStart, 39 where valueStart:
                quote = byte
                valueStart = false
            case 38 where valueStart, 42 where valueStart:
                return [Diagnostic(file: file, line: line, column: column,
                                   message: "anchors and aliases ('&name', '*name') are not supported in dialogue files; write the text out, or quote it if it starts with & or *")]
            case 45 where valueStart:
                break // "- " keeps the value start for the item
            default:
                valueStart = false
            }
        }
        return []
    }
}
