/// Where the columns of a table go in a given width. Each column asks for a width; when the
/// screen is narrower, the widest columns give way first, down to their minimum, and the last
/// column takes what is left over. Cells are put with `maxWidth`, so what does not fit ends in "…".
public struct TableLayout: Equatable, Sendable {
    public struct Column: Equatable, Sendable {
        public let title: String
        public let width: Int
        public let minimum: Int
        public init(_ title: String, width: Int, minimum: Int? = nil) {
            self.title = title
            self.width = width
            self.minimum = min(width, minimum ?? max(Glyphs.width(of: title), 3))
        }
    }

    public let starts: [Int]
    public let widths: [Int]

    public init(_ columns: [Column], width: Int, left: Int = 2, gap: Int = 1) {
        var widths = columns.map(\.width)
        let available = max(columns.count, width - left - 1 - gap * max(0, columns.count - 1))
        func excess() -> Int { widths.reduce(0, +) - available }
        while excess() > 0 {
            // The column most above its minimum gives one column; below all minimums, the widest.
            let candidates = widths.indices.filter { widths[$0] > columns[$0].minimum }
            let pool = candidates.isEmpty ? widths.indices.filter { widths[$0] > 1 } : candidates
            guard let widest = pool.max(by: { widths[$0] - columns[$0].minimum < widths[$1] - columns[$1].minimum }) else { break }
            widths[widest] -= 1
        }
        if let last = widths.indices.last, excess() < 0 { widths[last] -= excess() }
        var starts: [Int] = []
        var col = left
        for width in widths {
            starts.append(col)
            col += width + gap
        }
        self.starts = starts
        self.widths = widths
    }

    /// Draws `cells` on `row`, one per column; a cell that does not fit ends in "…".
    public func put(_ cells: [String], row: Int, into canvas: inout Canvas, style: Style, styles: [Style?] = []) {
        for (index, text) in cells.enumerated() where index < widths.count {
            let cellStyle = index < styles.count ? styles[index] ?? style : style
            canvas.put(text, row: row, col: starts[index], style: cellStyle, maxWidth: widths[index])
        }
    }
}
