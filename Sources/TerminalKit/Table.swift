/// A scrolling table: a header, one line per row with its columns laid out by display width,
/// the selection (a pointer left of the row) and its scrolling, and under the rows the selected
/// row in full (or only its cut cells) whenever one of its cells ends in "…", with ▲▼ in the last column where rows are out of sight. The screen
/// gives the rows each frame; the table owns the rest.
public struct Table: Sendable {
    public struct Row {
        public var cells: [String]
        /// The row's style when not selected: dim for what is done or past.
        public var style: Style
        /// A cell's own style (a late deadline), when the row is not selected.
        public var cellStyles: [Style?]
        /// One character left of the row (! acute, ? no ZRM) with its style.
        public var mark: (text: String, style: Style)?
        /// The row in full, when a cell does not fit; by default the cells joined.
        public var full: String?
        /// Shown under the table for the selected row even when nothing is cut (what someone contributes).
        public var detail: String?

        public init(_ cells: [String], style: Style = .normal, cellStyles: [Style?] = [], mark: (text: String, style: Style)? = nil,
                    full: String? = nil, detail: String? = nil) {
            self.cells = cells
            self.style = style
            self.cellStyles = cellStyles
            self.mark = mark
            self.full = full
            self.detail = detail
        }
    }

    /// Left of the selected row's first cell, in the column between the marks and the cells.
    public static let pointer = "▶"

    public let columns: [TableLayout.Column]
    public private(set) var list = ListState()
    /// Where the table draws: the header, the rows, and the lines for the selected row in full.
    public private(set) var area = Rect(row: 0, col: 0, width: 80, height: 20)
    /// Lines under the rows kept for the selected row in full (and for a message).
    public let detailLines: Int
    /// Under the rows only the selected row's cut cells, whole, not the whole row again: for a
    /// list moved through fast over a slow connection (the caseload), fewer bytes per move.
    public let showsOnlyCutCells: Bool

    public init(columns: [TableLayout.Column], detailLines: Int = 2, showsOnlyCutCells: Bool = false) {
        self.columns = columns
        self.detailLines = detailLines
        self.showsOnlyCutCells = showsOnlyCutCells
    }

    public var selected: Int { list.selected }
    public var count: Int { list.count }
    public var isEmpty: Bool { list.isEmpty }

    /// The rows shown at once: the area minus the header and the detail lines.
    public var pageSize: Int { max(1, area.height - 1 - detailLines) }

    public mutating func setCount(_ count: Int) {
        list.setCount(count)
        list.keepVisible(height: pageSize)
    }

    public mutating func select(_ index: Int) {
        list.select(index)
        list.keepVisible(height: pageSize)
    }

    /// The area, from the screen's `resize`: the page scrolls from it, never from a frame.
    public mutating func resize(to area: Rect) {
        self.area = area
        list.keepVisible(height: pageSize)
    }

    /// Moves the selection for a navigation key; false when the key is not one.
    public mutating func handle(_ key: Key) -> Bool { list.handle(key, pageSize: pageSize) }

    public func layout() -> TableLayout { TableLayout(columns, width: area.col + area.width, left: area.col + 2) }

    /// Draws `rows`. With no rows, `empty` is shown, wrapped. `note` (an error, a warning) goes in
    /// the detail lines above the selected row in full, which gets what the note leaves.
    public func render(into canvas: inout Canvas, rows: [Row], empty: String, note: (text: String, style: Style)? = nil) {
        render(into: &canvas, count: rows.count, row: { rows[$0] }, empty: empty, note: note)
    }

    /// Draws `count` rows, asking `row` only for those in sight and the selected one: a list of
    /// thousands costs what a page costs.
    public func render(into canvas: inout Canvas, count: Int, row rowAt: (Int) -> Row, empty: String,
                       note: (text: String, style: Style)? = nil) {
        let table = layout()
        table.put(columns.map(\.title), row: area.row, into: &canvas, style: .heading)
        // Drawing changes nothing: a copy of the list with the count of what is drawn.
        var list = self.list
        list.setCount(count)
        if count == 0 {
            canvas.putWrapped(empty, row: area.row + 2, col: area.col + 2, width: area.width - 4, style: .dim)
        }
        let window = list.position(height: pageSize)
        for (line, index) in window.visible.enumerated() {
            let entry = rowAt(index)
            let row = area.row + 1 + line
            canvas.fill(Rect(row: row, col: area.col, width: area.width, height: 1), style: entry.style)
            if let mark = entry.mark { canvas.put(mark.text, row: row, col: area.col, style: mark.style, maxWidth: 1) }
            // The selection is a pointer left of the row, not the row in reverse: a move redraws
            // two cells, not two full lines (bytes over a slow connection; see docs/decisions.md).
            if index == list.selected { canvas.put(Self.pointer, row: row, col: area.col + 1, style: .selected) }
            table.put(entry.cells, row: row, into: &canvas, style: entry.style, styles: entry.cellStyles)
        }
        // Rows out of sight are marked in the last column, which the layout keeps free.
        window.drawMarks(into: &canvas, rect: Rect(row: area.row + 1, col: area.col, width: area.width, height: pageSize),
                         col: area.col + area.width - 1)
        // The detail lines hold the note (an error, a warning) and, in what it leaves, the selected row in full.
        var bottom = area.row + area.height - 1
        let width = area.width - 4
        let noteLines = note.map { Glyphs.wrap($0.text, width: width).count } ?? 0
        if detailLines > noteLines, list.selected < count {
            let entry = rowAt(list.selected)
            let cut = zip(entry.cells, table.widths).filter { Glyphs.width(of: $0) > $1 }.map(\.0)
            let full = cut.isEmpty ? nil : entry.full ?? (showsOnlyCutCells ? cut : entry.cells.filter { !$0.isEmpty }).joined(separator: " · ")
            let lines = [full, entry.detail].compactMap { $0 }
            if !lines.isEmpty {
                bottom = canvas.putAbove(lines.joined(separator: " · "), bottomRow: bottom, col: area.col + 2, width: width, style: .dim,
                                         maxLines: detailLines - noteLines) - 1
            }
        }
        if let note { canvas.putAbove(note.text, bottomRow: bottom, col: area.col + 2, width: width, style: note.style) }
    }
}
