/// A multi-line text editor for a page of text: word-wrapped to the width, right for accented,
/// combining and wide characters. Arrows move by character and by screen line, Home/End to the
/// start and end of the screen line, PgUp/PgDn by a page, Ctrl-←/→ by word. Enter starts a new
/// line; Backspace, Delete, Ctrl-W (word back) and Ctrl-U (line back) delete; Ctrl-Z undoes
/// recent edits. A paste arrives as one `.paste` key and is inserted as text.
///
/// A text has a `limit`: what would make it longer is refused whole (`.refused`), never cut. The
/// layout is kept between keys and laid out again only from the line before an edit up to where
/// the lines fall as before, so a key costs what it changes, not the length of the whole text.
public struct TextArea: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Index in `characters` before which typing inserts.
    public private(set) var cursor: Int
    /// The longest the text may become, in characters; nil for no limit.
    public let limit: Int?
    /// Where the view stands among the screen lines; moved by the keys only, never by drawing.
    public private(set) var scroll = ScrollPosition()
    /// The first screen line shown.
    public var top: Int { scroll.top }
    /// The screen lines at the width of the last key.
    private var layout: Layout?
    /// The column that up and down aim for, kept across short lines.
    private var goalColumn: Int?
    private var undo: [Snapshot] = []
    private var lastEdit = EditKind.none

    private struct Layout: Equatable, Sendable {
        var width: Int
        var lines: [Range<Int>]
        /// How many characters the last edit laid out again (for the tests of its cost).
        var laidOut = 0
    }

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

    /// Handles a key for a text area `width` columns wide and `height` lines high, and scrolls
    /// so that the cursor shows (drawing never scrolls).
    public mutating func handle(_ key: Key, width: Int, height: Int) -> Outcome {
        let before = layOut(width: width)
        let outcome = apply(key, lines: before, width: width, height: height)
        let lines = layOut(width: width)
        scroll.resize(count: lines.count, height: height)
        scroll.keepVisible(line: Self.line(of: cursor, in: lines))
        return outcome
    }

    /// The screen lines at `width`: kept from the last key, or laid out whole (the first key, a
    /// new width, after undo).
    private mutating func layOut(width: Int) -> [Range<Int>] {
        if let layout, layout.width == width { return layout.lines }
        let lines = Self.lines(characters, width: width)
        layout = Layout(width: width, lines: lines)
        return lines
    }

    private func lines(width: Int) -> [Range<Int>] {
        if let layout, layout.width == width { return layout.lines }
        return Self.lines(characters, width: width)
    }

    private mutating func apply(_ key: Key, lines: [Range<Int>], width: Int, height: Int) -> Outcome {
        switch key {
        case .char(let c):
            return insert([c], kind: c == " " ? .spaced : .typing)
        case .enter:
            return insert(["\n"], kind: .other)
        case .paste(let text):
            return insert(Array(Self.pasteable(text)), kind: .other)
        case .backspace:
            guard cursor > 0 else { return .ignored }
            willEdit(.deleting)
            replace(cursor - 1..<cursor, with: [])
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return .ignored }
            willEdit(.deleting)
            replace(cursor..<cursor + 1, with: [])
        case .ctrl("w"):
            let start = wordStart(before: cursor)
            guard start < cursor else { return .ignored }
            willEdit(.other)
            replace(start..<cursor, with: [])
            cursor = start
        case .ctrl("u"):
            let start = lines[Self.line(of: cursor, in: lines)].lowerBound
            guard start < cursor else { return .ignored }
            willEdit(.other)
            replace(start..<cursor, with: [])
            cursor = start
        case .ctrl("z"):
            guard let previous = undo.popLast() else { return .ignored }
            characters = previous.characters
            cursor = previous.cursor
            layout = nil
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

    private mutating func insert(_ inserted: [Character], kind: EditKind) -> Outcome {
        guard !inserted.isEmpty else { return .ignored }
        if let limit, characters.count + inserted.count > limit { return .refused }
        willEdit(kind)
        replace(cursor..<cursor, with: inserted)
        cursor += inserted.count
        return .changed
    }

    /// Every change of the text goes through here, so the layout follows it: laid out again from
    /// the line before the change (a deletion can pull a word up onto it) until a line starts
    /// where one started before, behind the change; the lines after that are the old ones, moved.
    private mutating func replace(_ range: Range<Int>, with inserted: [Character]) {
        characters.replaceSubrange(range, with: inserted)
        guard let old = layout?.lines, let width = layout?.width else { return }
        let delta = inserted.count - range.count
        let restartLine = max(0, Self.line(of: range.lowerBound, in: old) - 1)
        var lines = Array(old[..<restartLine])
        var next = restartLine
        let restart = old[restartLine].lowerBound
        let synced = Self.layOut(characters, width: width, from: restart, into: &lines) { start in
            // A line start behind the change that an old line also had (moved by the change).
            guard start >= range.lowerBound + inserted.count else { return false }
            while next < old.count && (old[next].lowerBound < range.upperBound || old[next].lowerBound + delta < start) { next += 1 }
            return next < old.count && old[next].lowerBound + delta == start
        }
        if synced != nil {
            lines += old[next...].map { ($0.lowerBound + delta)..<($0.upperBound + delta) }
        }
        let laidOut = (synced ?? characters.count) - restart
        layout = Layout(width: width, lines: lines, laidOut: laidOut)
    }

    /// How many characters the last edit laid out again.
    var laidOutByLastEdit: Int { layout?.laidOut ?? characters.count }

    /// This text area as it would be without its kept layout (for the tests of that layout).
    var withoutKeptLayout: TextArea {
        var copy = self
        copy.layout = nil
        return copy
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
        var lines: [Range<Int>] = []
        layOut(characters, width: width, from: 0, into: &lines) { _ in false }
        return lines
    }

    /// Lays out the lines from `start` (the start of a line) and appends them to `lines`, until
    /// `stop` says yes at the start of a line: returns that start, or nil at the end of the text.
    /// Where a line breaks depends only on the text from its start, so a layout can resume there.
    @discardableResult
    static func layOut(_ characters: [Character], width: Int, from start: Int, into lines: inout [Range<Int>],
                       stop: (Int) -> Bool) -> Int? {
        let limit = max(1, width - 1)
        var start = start, column = 0, index = start
        var breakAfterSpace: Int?
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                lines.append(start..<index)
                start = index + 1
                column = 0
                breakAfterSpace = nil
                index += 1
                if stop(start) { return start }
                continue
            }
            let columns = Glyphs.width(of: character)
            if column + columns > limit && character != " " && index > start {
                if let cut = breakAfterSpace, cut > start {
                    lines.append(start..<cut)
                    start = cut
                } else {
                    lines.append(start..<index)
                    start = index
                }
                breakAfterSpace = nil
                if stop(start) { return start }
                // Lay the new line out from its start (the word carried over is measured again).
                column = 0
                index = start
                continue
            }
            column += columns
            if character == " " { breakAfterSpace = index + 1 }
            index += 1
        }
        lines.append(start..<characters.count)
        return nil
    }

    /// The screen line the cursor is on: at a soft break, the start of the next line.
    static func line(of cursor: Int, in lines: [Range<Int>]) -> Int {
        // The last line that starts at or before the cursor (binary search: lines are in order).
        var low = 0, high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].lowerBound <= cursor { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 1)
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
        let lines = lines(width: rect.width)
        let cursorLine = Self.line(of: cursor, in: lines)
        // A copy, fitted to this rectangle: drawing changes nothing.
        var scroll = scroll
        scroll.resize(count: lines.count, height: rect.height)
        scroll.keepVisible(line: cursorLine)
        canvas.fill(rect, style: style)
        for (offset, index) in scroll.visible.enumerated() {
            canvas.put(String(characters[lines[index]]), row: rect.row + offset, col: rect.col, style: style, maxWidth: rect.width)
        }
        if rect.col >= 2 { scroll.drawMarks(into: &canvas, rect: rect, col: rect.col - 2) }
        if showCursor {
            let column = Self.width(characters[lines[cursorLine].lowerBound..<cursor])
            canvas.cursor = (rect.row + cursorLine - scroll.top, rect.col + min(column, rect.width - 1))
        }
    }

    /// How many screen lines the text takes at `width`.
    public func lineCount(width: Int) -> Int { lines(width: width).count }
}

private extension Character {
    var isLetterOrNumber: Bool { isLetter || isNumber || unicodeScalars.first.map { $0.properties.isDiacritic } == true }
}
