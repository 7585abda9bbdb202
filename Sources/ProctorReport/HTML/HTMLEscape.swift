/// Escaping for HTML text and attribute values — the same five characters swift-mustache
/// escapes (`& < > " '`), so model text is inert in a text node and cannot leave a quoted
/// attribute. Used by the SVG builder; templates get it from `{{ }}`.
public enum HTMLEscape {
    /// `text` with `& < > " '` replaced by entities.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
