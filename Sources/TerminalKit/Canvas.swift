/// A rectangle of the screen.
public struct Rect: Equatable, Sendable {
    public var row: Int
    public var col: Int
    public var width: Int
    public var height: Int

    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// A box of the given size centred in self, never larger than self.
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(width, self.width), h = min(height, self.height)
        return Rect(row: row + (self.height - h) / 2, col: col + (self.width - w) / 2, width: w, height: h)
    }

    public func inset(by amount: Int) -> Rect {
        Rect(row: row + amount, col: col + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}

/// One screen cell. The second column of a wide character is a continuation cell (width 0).
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: Style
    public var width: UInt8

    public static let blank = Cell(text: " ", style: .normal, width: 1)
    static let continuation = Cell(text: "", style: .normal, width: 0)
}

/// What a screen draws into each frame. Only glyphs reach it, so no control character from the
/// data can reach the terminal. A backend sends just the cells that differ from the last frame.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (in a text field), or nil to hide it.
    public var cursor: (row: Int, col: Int)? {
        get { cursorRow.map { ($0, cursorCol) } }
        set {
            cursorRow = newValue?.row
            cursorCol = newValue?.col ?? 0
        }
    }
    private var cursorRow: Int?
    private var cursorCol = 0
    /// Texts that could not be shown at all: put on a row that is not there, or where not one
    /// column was left. Tests assert this stays empty; a text cut at the side ends in "…".
    public private(set) var silentCuts: [String] = []

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(row: 0, col: 0, width: width, height: height) }

    /// The cell at (row, col); a blank outside the canvas.
    public subscript(row: Int, col: Int) -> Cell {
        guard row >= 0, row < height, col >= 0, col < width else { return .blank }
        return cells[row * width + col]
    }

    /// Draws text from (row, col), at most `maxWidth` columns, clipped to the canvas; a text that
    /// does not fit ends in "…", so nothing is ever cut without a sign, unless `clips` says the
    /// caller shows the rest another way (a text editor that scrolls). Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, style: Style = .normal, maxWidth: Int? = nil,
                             clips: Bool = false) -> Int {
        let limit = min(col + (maxWidth ?? width), width)
        guard row >= 0, row < height, col < limit else {
            if !clips, text.contains(where: { !$0.isWhitespace }) { silentCuts.append(text) }
            return 0
        }
        var glyphs = Glyphs.of(text)
        if !clips { glyphs = Self.ellipsized(glyphs, columns: limit - col) }
        var x = col
        for glyph in glyphs {
            if x + glyph.width > limit {
                if x < limit && glyph.width == 2 { set(row, x, Cell(text: " ", style: style, width: 1)); x += 1 }
                break
            }
            if x >= 0 {
                set(row, x, Cell(text: glyph.text, style: glyph.isEscape ? .escaped : style, width: UInt8(glyph.width)))
                if glyph.width == 2 { set(row, x + 1, .continuation) }
            }
            x += glyph.width
        }
        return x - col
    }

    /// Draws a message wrapped to `width` columns from `row` down; returns the rows used. Its
    /// words go onto as many lines as it needs, or, with `maxLines`, as fit, the last ending in "…".
    @discardableResult
    public mutating func putWrapped(_ text: String, row: Int, col: Int, width: Int, style: Style = .normal, maxLines: Int? = nil) -> Int {
        let lines = maxLines.map { Glyphs.wrap(text, width: width, maxLines: max(0, $0)) } ?? Glyphs.wrap(text, width: width)
        for (offset, line) in lines.enumerated() {
            put(line, row: row + offset, col: col, style: style, maxWidth: width)
        }
        return lines.count
    }

    /// Draws a message wrapped to `width` columns so that its last line is on `bottomRow`;
    /// returns the first row used. For errors and notices under a screen.
    /// With `maxLines` (the full text of a selected row under a table), a longer text shows its
    /// first lines and ends in "…"; the record itself shows all of it.
    @discardableResult
    public mutating func putAbove(_ text: String, bottomRow: Int, col: Int, width: Int, style: Style = .normal,
                                  maxLines: Int? = nil) -> Int {
        let lines = maxLines.map { Glyphs.wrap(text, width: width, maxLines: $0) } ?? Glyphs.wrap(text, width: width)
        let first = bottomRow - lines.count + 1
        for (offset, line) in lines.enumerated() {
            fill(Rect(row: first + offset, col: 0, width: self.width, height: 1))
            put(line, row: first + offset, col: col, style: style, maxWidth: width)
        }
        return first
    }

    /// Draws text and fills the rest of `width` columns with blanks of the same style.
    public mutating func put(_ text: String, row: Int, col: Int, style: Style = .normal, padTo width: Int) {
        let used = put(text, row: row, col: col, style: style, maxWidth: width)
        fill(Rect(row: row, col: col + used, width: width - used, height: 1), style: style)
    }

    /// Fills the part of `rect` that lies on the canvas; any rect is fine, even one far outside.
    public mutating func fill(_ rect: Rect, style: Style = .normal) {
        let blank = Cell(text: " ", style: style, width: 1)
        let top = max(rect.row, 0), bottom = min(rect.row + rect.height, height)
        let left = max(rect.col, 0), right = min(rect.col + rect.width, width)
        guard top < bottom, left < right else { return }
        for y in top..<bottom {
            for x in left..<right { set(y, x, blank) }
        }
    }

    /// A frame with an optional title in its top edge; the inside is cleared.
    public mutating func box(_ rect: Rect, title: String = "", style: Style = .normal) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect, style: style)
        let right = rect.col + rect.width - 1, bottom = rect.row + rect.height - 1
        let edge = String(repeating: "─", count: rect.width - 2)
        // A frame partly off the canvas is clipped, never a cut text.
        put("┌" + edge + "┐", row: rect.row, col: rect.col, style: style, clips: true)
        put("└" + edge + "┘", row: bottom, col: rect.col, style: style, clips: true)
        for y in rect.row + 1..<bottom {
            put("│", row: y, col: rect.col, style: style, clips: true)
            put("│", row: y, col: right, style: style, clips: true)
        }
        if !title.isEmpty { put(" \(title) ", row: rect.row, col: rect.col + 2, style: .heading, maxWidth: rect.width - 4) }
    }

    /// The glyphs that fit in `columns`, ending in "…" when visible ones had to go.
    static func ellipsized(_ glyphs: [Glyph], columns: Int) -> [Glyph] {
        var total = 0, lastVisibleEnd = 0
        var fitsBeforeEllipsis = 0
        for (index, glyph) in glyphs.enumerated() {
            if total + glyph.width <= columns - 1 { fitsBeforeEllipsis = index + 1 }
            total += glyph.width
            if glyph.text != " " { lastVisibleEnd = total }
        }
        guard lastVisibleEnd > columns else { return glyphs }
        return Array(glyphs[..<fitsBeforeEllipsis]) + [Glyph(text: "…", width: 1, isEscape: false)]
    }

    /// Keeps wide characters whole: overwriting half of one blanks the other half.
    private mutating func set(_ row: Int, _ col: Int, _ cell: Cell) {
        guard row >= 0, row < height, col >= 0, col < width else { return }
        let index = row * width + col
        if cells[index].width == 0 && col > 0 && cell.width != 0 {
            cells[index - 1] = Cell(text: " ", style: cells[index - 1].style, width: 1)
        }
        if cells[index].width == 2 && cell.width != 2 && col + 1 < width {
            cells[index + 1] = Cell(text: " ", style: cells[index].style, width: 1)
        }
        cells[index] = cell
    }

    /// The text of one row as it appears on screen, for tests.
    public func line(_ row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        var text = ""
        for col in 0..<width { text += self[row, col].text }
        return text
    }

    /// All rows, trailing blanks removed, for tests.
    public var text: String {
        (0..<height).map { String(line($0).reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    public static func == (a: Canvas, b: Canvas) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorRow == b.cursorRow && a.cursorCol == b.cursorCol
    }
}
