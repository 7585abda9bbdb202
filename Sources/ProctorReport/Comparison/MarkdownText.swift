/// Escaping for GitHub-flavoured Markdown: model text becomes inert — no HTML, no links, no
/// emphasis, no table breaks — and stays on one line.
public enum MarkdownText {
    /// `text` with the punctuation that makes emphasis, code, links, headings and table cells
    /// backslash-escaped, line breaks as spaces, then HTML's `& < > " '` as entities; cut to
    /// `limit` characters.
    public static func escape(_ text: String, limit: Int = 120) -> String {
        var out = ""
        for character in text.prefix(limit) {
            switch character {
            case "\n", "\r", "\r\n", "\t": out += " "
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return HTMLEscape.escape(out) + (text.count > limit ? "…" : "")
    }
}
