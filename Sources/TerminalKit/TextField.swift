/// A one-line text editor: cursor by arrows, Home/End, Ctrl-A/Ctrl-E; Backspace, Delete,
/// Ctrl-U (clear before the cursor), Ctrl-K (clear after). Every printable key is text.
/// Enter and Esc are left to the owner, which confirms or cancels. What would make the text
/// longer than its `limit` is refused whole (`.refused`), never cut.
public struct TextField: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Index in `characters` before which typing inserts.
    public private(set) var cursor: Int
    /// The longest the text may become, in characters; nil for no limit.
    public let limit: Int?

    public init(_ text: String = "", limit: Int? = nil) {
        characters = Array(text)
        cursor = characters.count
        self.limit = limit
    }

    public var text: String { String(characters) }

    public enum Outcome: Equatable, Sendable {
        case changed, moved, ignored
        /// The key or paste would make the text longer than its limit: nothing was changed.
        case refused
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .char(let c):
            if let limit, characters.count >= limit { return .refused }
            characters.insert(c, at: cursor)
            cursor += 1
            return .changed
        case .paste(let text):
            // One line: line ends become spaces.
            let pasted = TextArea.pasteable(text).map { $0 == "\n" ? " " : $0 }
            guard !pasted.isEmpty else { return .ignored }
            if let limit, characters.count + pasted.count > limit { return .refused }
            characters.insert(contentsOf: pasted, at: cursor)
            cursor += pasted.count
            return .changed
        case .backspace:
            guard cursor > 0 else { return .ignored }
            cursor -= 1
            characters.remove(at: cursor)
            return .changed
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return .ignored }
            characters.remove(at: cursor)
            return .changed
        case .left, .ctrl("b"):
            guard cursor > 0 else { return .ignored }
            cursor -= 1
            return .moved
        case .right, .ctrl("f"):
            guard cursor < characters.count else { return .ignored }
            cursor += 1
            return .moved
        case .home, .ctrl("a"):
            cursor = 0
            return .moved
        case .end, .ctrl("e"):
            cursor = characters.count
            return .moved
        case .ctrl("u"):
            characters.removeFirst(cursor)
            cursor = 0
            return .changed
        case .ctrl("k"):
            characters.removeLast(characters.count - cursor)
            return .changed
        case .wordLeft:
            guard cursor > 0 else { return .ignored }
            cursor = wordStart(before: cursor)
            return .moved
        case .wordRight:
            guard cursor < characters.count else { return .ignored }
            var end = cursor
            while end < characters.count, characters[end] == " " { end += 1 }
            while end < characters.count, characters[end] != " " { end += 1 }
            cursor = end
            return .moved
        case .ctrl("w"):
            guard cursor > 0 else { return .ignored }
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
            return .changed
        default:
            return .ignored
        }
    }

    /// Where the word before `index` starts (spaces before the index skipped), for Ctrl-← and Ctrl-W.
    private func wordStart(before index: Int) -> Int {
        var start = index
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        return start
    }

    /// Draws the field in `width` columns, scrolled so that the cursor shows, and puts the
    /// terminal cursor there.
    public func render(into canvas: inout Canvas, row: Int, col: Int, width: Int, style: Style = .editing) {
        guard width > 0 else { return }
        let widths = characters.map { Glyphs.width(of: $0) }
        var start = 0
        var beforeCursor = widths[0..<cursor].reduce(0, +)
        while beforeCursor > width - 1 && start < cursor {
            beforeCursor -= widths[start]
            start += 1
        }
        var shown = ""
        var used = 0
        for index in start..<characters.count where used + widths[index] <= width {
            shown.append(characters[index])
            used += widths[index]
        }
        canvas.put(shown, row: row, col: col, style: style, padTo: width)
        canvas.cursor = (row, col + beforeCursor)
    }
}
