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

    /// Draws text from (row, col), at most `maxWidth` columns, clipped to the canvas.
    /// Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < height, col < width else { return 0 }
        let limit = min(col + (maxWidth ?? width), width)
        var x = col
        for glyph in Glyphs.of(text) {
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
        put("┌" + edge + "┐", row: rect.row, col: rect.col, style: style)
        put("└" + edge + "┘", row: bottom, col: rect.col, style: style)
        for y in rect.row + 1..<bottom {
            put("│", row: y, col: rect.col, style: style)
            put("│", row: y, col: right, style: style)
        }
        if !title.isEmpty { put(" \(title) ", row: rect.row, col: rect.col + 2, style: .heading, maxWidth: rect.width - 4) }
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
