/// The simulator's tokenizer: a token is a run of non-space characters with the spaces before it,
/// so token counts are exact and easy to predict in tests.
enum SimulatedTokenizer {
    static func tokens(_ text: String) -> [Substring] {
        var tokens: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        var seenWord = false
        while index < text.endIndex {
            let isSpace = text[index].isWhitespace
            if !isSpace { seenWord = true }
            if isSpace, seenWord {
                tokens.append(text[start..<index])
                start = index
                seenWord = false
            }
            index = text.index(after: index)
        }
        if start < text.endIndex { tokens.append(text[start...]) }
        return tokens
    }

    static func count(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for character in text {
            if character.isWhitespace {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}
