/// A multi-line text editor for a page of text: word-wrapped to the width, right for accented,
/// combining and wide characters. Arrows move by character and by screen line, Home/End to the
/// start and end of the screen line, PgUp/PgDn by a page, Ctrl-←/→ by word. Enter starts a new
/// line; Backspace, Delete, Ctrl-W (word back) and Ctrl-U (line back) delete; Ctrl-Z undoes
/// recent edits. A paste arrives as one `.paste` key and is inserted as text.
public struct TextArea: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Index in `characters` before which typing inserts.
    public private(set) var cursor: Int
    /// The first screen line shown.
    public private(set) var top = 0
    /// The column that up and down aim for, kept across short lines.
    private var goalColumn: Int?
    private var undo: [Snapshot] = []
    private var lastEdit = EditKind.none

    private struct Snapshot: Equatable, Sendable {
        var characters: [Character]
        var cursor: Int
    }

    private enum EditKind: Equatable, Sendable {
        /// `spaced`: typing that has just ended a word with a space; the next letter starts a new step.
        case none, typing, spaced, deleting, other
    }

    /// How many edits Ctrl-Z can take back.
    public static let undoLimit = 200

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    public enum Outcome: Equatable, Sendable {
        case changed, moved, ignored
    }

    /// Handles a key for a text area `width` columns wide and `height` lines high, and scrolls
    /// so that the cursor shows (drawing never scrolls).
    public mutating func handle(_ key: Key, width: Int, height: Int) -> Outcome {
        let before = Self.lines(characters, width: width)
        let outcome = apply(key, lines: before, width: width, height: height)
        // Lay out again only when the text changed: a move reuses the lines it was made on.
        let lines = outcome == .changed ? Self.lines(characters, width: width) : before
        top = Self.firstLine(top: top, cursorLine: Self.line(of: cursor, in: lines), height: height)
        return outcome
    }

    private static func firstLine(top: Int, cursorLine: Int, height: Int) -> Int {
        var first = top
        if cursorLine < first { first = cursorLine }
        if cursorLine >= first + height { first = cursorLine - height + 1 }
        return max(0, first)
    }

    private mutating func apply(_ key: Key, lines: [Range<Int>], width: Int, height: Int) -> Outcome {
        switch key {
        case .char(let c):
            insert([c], kind: c == " " ? .spaced : .typing)
        case .enter:
            insert(["\n"], kind: .other)
        case .paste(let text):
            insert(Array(Self.pasteable(text)), kind: .other)
        case .backspace:
            guard cursor > 0 else { return .ignored }
            willEdit(.deleting)
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return .ignored }
            willEdit(.deleting)
            characters.remove(at: cursor)
        case .ctrl("w"):
            let start = wordStart(before: cursor)
            guard start < cursor else { return .ignored }
            willEdit(.other)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .ctrl("u"):
            let start = lines[Self.line(of: cursor, in: lines)].lowerBound
            guard start < cursor else { return .ignored }
            willEdit(.other)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .ctrl("z"):
            guard let previous = undo.popLast() else { return .ignored }
            characters = previous.characters
            cursor = previous.cursor
            lastEdit = .none
            goalColumn = nil
        case .left, .ctrl("b"):
            guard cursor > 0 else { return .ignored }
            return moved(to: cursor - 1)
        case .right, .ctrl("f"):
            guard cursor < characters.count else { return .ignored }
            return moved(to: cursor + 1)
        case .wordLeft: return moved(to: wordStart(before: cursor))
        case .wordRight: return moved(to: wordEnd(after: cursor))
        case .home, .ctrl("a"): return moved(to: lines[Self.line(of: cursor, in: lines)].lowerBound)
        case .end, .ctrl("e"):
            let line = lines[Self.line(of: cursor, in: lines)]
            // At a soft break the end is before the hanging space, so the cursor stays on this line.
            var end = line.upperBound
            if end > line.lowerBound, end < characters.count, characters[end - 1] == " ", characters[end] != "\n" { end -= 1 }
            return moved(to: end)
        case .up: return vertical(-1, lines: lines, width: width)
        case .down: return vertical(1, lines: lines, width: width)
        case .pageUp: return vertical(-max(1, height - 1), lines: lines, width: width)
        case .pageDown: return vertical(max(1, height - 1), lines: lines, width: width)
        default:
            return .ignored
        }
        return .changed
    }

    private mutating func insert(_ inserted: [Character], kind: EditKind) {
        guard !inserted.isEmpty else { return }
        willEdit(kind)
        characters.insert(contentsOf: inserted, at: cursor)
        cursor += inserted.count
    }

    /// Keeps a snapshot for undo before a change. A word typed with the spaces after it is one
    /// step, as is a run of deleting, so one Ctrl-Z takes back one word, not a letter.
    private mutating func willEdit(_ kind: EditKind) {
        let continuesRun = switch (lastEdit, kind) {
        case (.typing, .typing), (.typing, .spaced), (.spaced, .spaced), (.deleting, .deleting): true
        default: false
        }
        if !continuesRun {
            undo.append(Snapshot(characters: characters, cursor: cursor))
            if undo.count > Self.undoLimit { undo.removeFirst() }
        }
        lastEdit = kind
        goalColumn = nil
    }

    private mutating func moved(to index: Int) -> Outcome {
        cursor = min(max(0, index), characters.count)
        goalColumn = nil
        lastEdit = .none
        return .moved
    }

    private mutating func vertical(_ delta: Int, lines: [Range<Int>], width: Int) -> Outcome {
        let current = Self.line(of: cursor, in: lines)
        let target = min(max(0, current + delta), lines.count - 1)
        guard target != current else { return .ignored }
        let column = goalColumn ?? Self.width(characters[lines[current].lowerBound..<cursor])
        var index = lines[target].lowerBound
        var used = 0
        let end = target + 1 < lines.count && lines[target + 1].lowerBound == lines[target].upperBound
            ? lines[target].upperBound - 1 : lines[target].upperBound
        while index < end {
            let next = Glyphs.width(of: characters[index])
            if used + next > column { break }
            used += next
            index += 1
        }
        cursor = index
        goalColumn = column
        lastEdit = .none
        return .moved
    }

    private func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0 && !characters[i - 1].isLetterOrNumber { i -= 1 }
        while i > 0 && characters[i - 1].isLetterOrNumber { i -= 1 }
        return i
    }

    private func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count && !characters[i].isLetterOrNumber { i += 1 }
        while i < characters.count && characters[i].isLetterOrNumber { i += 1 }
        return i
    }

    // MARK: - Layout

    /// Screen lines as ranges of `characters`, words wrapped at `width - 1` columns (the last
    /// column is kept for the cursor). A newline ends a line and belongs to none; the space at a
    /// soft break stays at the end of its line.
    public static func lines(_ characters: [Character], width: Int) -> [Range<Int>] {
        let limit = max(1, width - 1)
        var lines: [Range<Int>] = []
        var start = 0, column = 0
        var breakAfterSpace: Int?
        for (index, character) in characters.enumerated() {
            if character == "\n" {
                lines.append(start..<index)
                start = index + 1
                column = 0
                breakAfterSpace = nil
                continue
            }
            let columns = Glyphs.width(of: character)
            if column + columns > limit && character != " " && index > start {
                if let cut = breakAfterSpace, cut > start {
                    lines.append(start..<cut)
                    start = cut
                    column = Self.width(characters[cut..<index])
                } else {
                    lines.append(start..<index)
                    start = index
                    column = 0
                }
                breakAfterSpace = nil
            }
            column += columns
            if character == " " { breakAfterSpace = index + 1 }
        }
        lines.append(start..<characters.count)
        return lines
    }

    /// The screen line the cursor is on: at a soft break, the start of the next line.
    static func line(of cursor: Int, in lines: [Range<Int>]) -> Int {
        lines.lastIndex { $0.lowerBound <= cursor } ?? 0
    }

    static func width(_ characters: ArraySlice<Character>) -> Int {
        characters.reduce(0) { $0 + Glyphs.width(of: $1) }
    }

    /// Pasted text as it is inserted: line ends made "\n", a tab a space, other control
    /// characters left out (they cannot be shown or stored as text).
    static func pasteable(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {
                result.append("\n")
            } else if !character.unicodeScalars.contains(where: Glyphs.needsEscape) {
                result.append(character)
            } else if character == "\t" {
                result.append(" ")
            }
        }
        return result
    }

    // MARK: - Drawing

    /// Draws the text in `rect`, scrolled as the keys left it (and so that the cursor shows), and
    /// puts the terminal cursor there when `showCursor`. Lines out of sight above or below are
    /// marked ▲ ▼ in the margin, two columns left of the text.
    public func render(into canvas: inout Canvas, rect: Rect, style: Style = .normal, showCursor: Bool = true) {
        guard rect.width > 1, rect.height > 0 else { return }
        let lines = Self.lines(characters, width: rect.width)
        let cursorLine = Self.line(of: cursor, in: lines)
        let top = min(Self.firstLine(top: self.top, cursorLine: cursorLine, height: rect.height), lines.count - 1)
        canvas.fill(rect, style: style)
        for (offset, line) in lines.dropFirst(top).prefix(rect.height).enumerated() {
            canvas.put(String(characters[line]), row: rect.row + offset, col: rect.col, style: style, maxWidth: rect.width)
        }
        if rect.col >= 2 {
            if top > 0 { canvas.put("▲", row: rect.row, col: rect.col - 2, style: .dim) }
            if top + rect.height < lines.count { canvas.put("▼", row: rect.row + rect.height - 1, col: rect.col - 2, style: .dim) }
        }
        if showCursor {
            let column = Self.width(characters[lines[cursorLine].lowerBound..<cursor])
            canvas.cursor = (rect.row + cursorLine - top, rect.col + min(column, rect.width - 1))
        }
    }

    /// How many screen lines the text takes at `width`.
    public func lineCount(width: Int) -> Int { Self.lines(characters, width: width).count }
}

private extension Character {
    var isLetterOrNumber: Bool { isLetter || isNumber || unicodeScalars.first.map { $0.properties.isDiacritic } == true }
}
