/// Escaping for text put into a Markdown document, so it reads as typed: only what
/// CommonMark (and GitHub's strikethrough) would otherwise take as markup gets a
/// backslash. "I'm sorry. I was tired - really" stays as it is.
public enum MarkdownText {
    /// Text inside a line, after a label such as `**You:** `: emphasis, code, links, images,
    /// raw HTML and autolinks, strikethrough, backslashes, and `&` where it would start an
    /// entity (`&amp;`, `&#38;`).
    public static func inline(_ text: String) -> String {
        var out = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", "~":
                out.append("\\")
            case "&" where index + 1 < characters.count && (characters[index + 1].isLetter || characters[index + 1] == "#"):
                out.append("\\")
            default:
                break
            }
            out.append(character)
        }
        return out
    }

    /// Text that starts a block (a heading's or a list item's text): also the markers that
    /// would make it a heading, quote, list item or rule (`# `, `> `, `- `, `+ `, `1. `),
    /// and a heading's closing `#`s.
    public static func blockStart(_ text: String) -> String {
        var escaped = inline(text)
        let startsBlock = escaped.first.map { "#>-+=".contains($0) } ?? false
        if startsBlock {
            escaped = "\\" + escaped
        } else if let digitsEnd = escaped.firstIndex(where: { !$0.isNumber }), digitsEnd != escaped.startIndex,
                  escaped[digitsEnd] == "." || escaped[digitsEnd] == ")" {
            escaped.insert("\\", at: digitsEnd)
        }
        if escaped.hasSuffix("#") {
            escaped.insert("\\", at: escaped.index(before: escaped.endIndex))
        }
        return escaped
    }
}
