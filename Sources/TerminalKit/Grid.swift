/// Rows (labels) against dated columns, one of them selected: the ZRM history, the skills over
/// the progress talks. Optionally a fixed first column (a first impression) left of the columns
/// that scroll, rows under the grid that do not scroll (totals), and a column after them (a
/// chart). Rows scroll with ↑↓ (marked ▲▼ in the left margin), columns with ←→ (marked ◀▶ beside
/// them); a label too long for its column ends in "…". Every mark is a character, so the grid
/// reads the same without colour.
///
/// The grid keeps the selection and both scroll positions, changed only by `handle`, `select`,
/// `update` and `resize`; the screen gives the contents each frame to `render`.
public struct Grid: Sendable {
    public struct Cell: Sendable {
        public var text: String
        public var style: Style
        public init(_ text: String, style: Style = .normal) {
            self.text = text
            self.style = style
        }
    }

    /// What the grid shows this frame: only the cells in sight are asked for.
    public struct Content {
        /// Over the labels ("Leefgebied").
        public var corner: String
        public var labels: [String]
        /// The header lines of each column (a moment and a date; a date).
        public var headers: [[String]]
        public var cell: (_ row: Int, _ column: Int) -> Cell
        /// The fixed first column: its header lines and its cell per row.
        public var first: (header: [String], cell: (Int) -> Cell)?
        /// Rows under the grid that stay in sight: a label and a cell per column.
        public var footer: [(label: String, cell: (Int) -> Cell)]
        /// A column after the columns (a chart): its header and its cell per row.
        public var trailing: (header: String, cell: (Int) -> Cell)?

        public init(corner: String, labels: [String], headers: [[String]], cell: @escaping (Int, Int) -> Cell,
                    first: (header: [String], cell: (Int) -> Cell)? = nil, footer: [(label: String, cell: (Int) -> Cell)] = [],
                    trailing: (header: String, cell: (Int) -> Cell)? = nil) {
            self.corner = corner
            self.labels = labels
            self.headers = headers
            self.cell = cell
            self.first = first
            self.footer = footer
            self.trailing = trailing
        }
    }

    /// Columns wanted for the labels, and the fewest they get when the window is narrow.
    public let labelWidth: Int
    public let minimumLabelWidth: Int
    /// Columns per column, its gap included.
    public let columnWidth: Int
    /// The fixed first column's width, its gap included; 0 without one.
    public let firstWidth: Int
    public let headerLines: Int
    /// The selected column.
    public private(set) var selected = 0
    /// Which rows show, and which columns.
    public private(set) var rows = ScrollPosition()
    public private(set) var columns = ScrollPosition()
    public private(set) var area = Rect(row: 0, col: 0, width: 80, height: 20)
    private var footerCount = 0
    private var trailingWidth = 0

    public init(labelWidth: Int, minimumLabelWidth: Int = 8, columnWidth: Int, firstWidth: Int = 0, headerLines: Int = 1) {
        self.labelWidth = labelWidth
        self.minimumLabelWidth = min(labelWidth, minimumLabelWidth)
        self.columnWidth = max(2, columnWidth)
        self.firstWidth = max(0, firstWidth)
        self.headerLines = max(1, headerLines)
    }

    // MARK: - Layout

    /// Where the labels start: the left margin holds ▲▼, the column after it a screen's own flag.
    private var labelStart: Int { area.col + 2 }
    /// The label column in this width: narrower when the window is, so that one column still fits.
    public var labelColumns: Int {
        let room = area.width - 2 - firstWidth - columnWidth - trailingWidth - 2
        return min(labelWidth, max(minimumLabelWidth, room))
    }
    /// Where the scrolled columns start.
    private var columnsStart: Int { labelStart + labelColumns + firstWidth }
    /// How many columns fit beside the labels, the ◀▶ marks and the trailing column.
    public var columnsInSight: Int {
        max(1, (area.col + area.width - 2 - columnsStart - trailingWidth) / columnWidth)
    }
    /// The rows of the screen the scrolled rows take.
    public var rowsRect: Rect {
        Rect(row: area.row + headerLines, col: area.col, width: area.width, height: max(1, area.height - headerLines - footerCount))
    }

    // MARK: - State

    /// The number of rows and columns, of footer rows and the trailing column's width; keeps the
    /// selection on a column and in sight.
    public mutating func update(rows count: Int, columns columnCount: Int, footer: Int = 0, trailingWidth: Int = 0) {
        footerCount = max(0, footer)
        self.trailingWidth = max(0, trailingWidth)
        relayout(rows: count, columns: columnCount)
    }

    public mutating func resize(to area: Rect) {
        self.area = area
        relayout(rows: rows.count, columns: columns.count)
    }

    public mutating func select(column: Int) {
        selected = min(max(0, column), max(0, columns.count - 1))
        columns.keepVisible(line: selected)
    }

    private mutating func relayout(rows count: Int, columns columnCount: Int) {
        rows.resize(count: count, height: rowsRect.height)
        columns.resize(count: columnCount, height: columnsInSight)
        select(column: selected)
    }

    /// ← and → select the column before or after (scrolled into sight); ↑↓ (`k`/`j` where the
    /// screen's key rows give them), PgUp/PgDn and Home/End scroll the rows. False when the key
    /// moved nothing.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .left, .right:
            let before = selected
            select(column: selected + (key == .left ? -1 : 1))
            return selected != before
        default:
            return rows.handle(key)
        }
    }

    // MARK: - Drawing

    public func render(into canvas: inout Canvas, content: Content) {
        // Drawing changes nothing: a copy with the counts of what is drawn.
        var grid = self
        grid.relayout(rows: content.labels.count, columns: content.headers.count)
        grid.draw(into: &canvas, content: content)
    }

    private func draw(into canvas: inout Canvas, content: Content) {
        let labelColumns = labelColumns
        let shown = Array(columns.visible)
        let firstCol = labelStart + labelColumns
        func columnCol(_ position: Int) -> Int { columnsStart + position * columnWidth }
        let trailingCol = columnCol(shown.count) + 1
        let right = area.col + area.width - 1

        canvas.put(content.corner, row: area.row, col: labelStart, style: .heading, maxWidth: labelColumns - 1)
        for line in 0..<headerLines {
            let row = area.row + line
            if let first = content.first, line < first.header.count {
                canvas.put(first.header[line], row: row, col: firstCol, style: line == 0 ? .heading : .dim, maxWidth: firstWidth - 1)
            }
            for (position, column) in shown.enumerated() where line < content.headers[column].count {
                let style: Style = column == selected ? .selected : line == 0 ? .heading : .dim
                canvas.put(content.headers[column][line], row: row, col: columnCol(position), style: style, padTo: columnWidth - 1)
            }
        }
        if let trailing = content.trailing {
            canvas.put(trailing.header, row: area.row, col: trailingCol, style: .heading, maxWidth: right - trailingCol)
        }
        // Columns out of sight left or right are marked beside them, on the first header line.
        if columns.hiddenAbove { canvas.put("◀", row: area.row, col: columnsStart - 1, style: .dim) }
        if columns.hiddenBelow { canvas.put("▶", row: area.row, col: columnCol(shown.count), style: .dim) }

        let rowsRect = rowsRect
        rows.drawMarks(into: &canvas, rect: rowsRect, col: area.col)
        for (line, index) in rows.visible.enumerated() {
            let row = rowsRect.row + line
            canvas.put(content.labels[index], row: row, col: labelStart, maxWidth: labelColumns - 1)
            if let first = content.first { put(first.cell(index), row: row, col: firstCol, width: firstWidth, into: &canvas) }
            for (position, column) in shown.enumerated() {
                put(content.cell(index, column), row: row, col: columnCol(position), width: columnWidth, into: &canvas)
            }
            if let trailing = content.trailing {
                let cell = trailing.cell(index)
                canvas.put(cell.text, row: row, col: trailingCol, style: cell.style, maxWidth: right - trailingCol)
            }
        }
        for (line, footer) in content.footer.enumerated() {
            // Right under the last row in sight, not at the foot of a taller window.
            let row = rowsRect.row + rows.visible.count + line
            canvas.put(footer.label, row: row, col: labelStart, style: .heading, maxWidth: labelColumns - 1)
            for (position, column) in shown.enumerated() {
                put(footer.cell(column), row: row, col: columnCol(position), width: columnWidth, into: &canvas)
            }
        }
    }

    /// A cell in its column, its gap kept free; a text too wide ends in "…".
    private func put(_ cell: Cell, row: Int, col: Int, width: Int, into canvas: inout Canvas) {
        canvas.put(cell.text, row: row, col: col, style: cell.style, maxWidth: width - 1)
    }
}
