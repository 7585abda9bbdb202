/// MathChat's dialogues ("A: …\nB: …") split into the A and B turns exactly as the authors'
/// scripts split them: `re.split(r'\n*\s*(A:|B:)', text)`, each tag's text `.strip()`ped. Every
/// "A:" or "B:" splits, even inside a word ("USA:"), as upstream; text before the first tag is
/// dropped.
public enum MathChatDialogue {
    /// The A turns and the B turns, in order.
    public static func split(_ text: String) -> (a: [String], b: [String]) {
        let scalars = Array(text.unicodeScalars)
        var a: [String] = []
        var b: [String] = []
        var pendingTag: Unicode.Scalar?
        var segmentStart = 0
        var searchFrom = 0
        var index = 0
        func close(at end: Int) {
            guard let tag = pendingTag else { return }
            let segment = strip(scalars[segmentStart..<end])
            if tag == "A" { a.append(segment) } else { b.append(segment) }
        }
        while index + 1 < scalars.count {
            let scalar = scalars[index]
            guard (scalar == "A" || scalar == "B"), scalars[index + 1] == ":" else {
                index += 1
                continue
            }
            // The match starts where the run of whitespace just before the tag starts.
            var matchStart = index
            while matchStart > searchFrom, scalars[matchStart - 1].properties.isWhitespace { matchStart -= 1 }
            close(at: matchStart)
            pendingTag = scalar
            segmentStart = index + 2
            searchFrom = index + 2
            index += 2
        }
        close(at: scalars.count)
        return (a, b)
    }

    private static func strip(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }
}
