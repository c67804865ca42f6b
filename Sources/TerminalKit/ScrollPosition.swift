/// Where a scrolled view stands: the first of `count` lines shown in a window `height` lines
/// high. Every scrolled view (list, form, page of text, help, grid, review page) keeps one, so
/// they all scroll, clamp and mark what is out of sight the same way.
///
/// It is changed only in `handle` or `resize` (when the content or the size changes), never
/// while drawing; `render` reads `visible` and calls `drawMarks`.
public struct ScrollPosition: Equatable, Sendable {
    /// The first line shown.
    public private(set) var top: Int
    /// How many lines the content has.
    public private(set) var count: Int
    /// How many lines the window shows.
    public private(set) var height: Int

    public init(count: Int = 0, height: Int = 0, top: Int = 0) {
        self.count = max(0, count)
        self.height = max(0, height)
        self.top = 0
        scroll(to: top)
    }

    /// The content or the window changed size: keeps the top line where it can, clamped so that
    /// no empty window shows below the end.
    public mutating func resize(count: Int, height: Int) {
        self.count = max(0, count)
        self.height = max(0, height)
        scroll(to: top)
    }

    /// The lines in sight.
    public var visible: Range<Int> { top..<min(count, top + height) }

    public var hiddenAbove: Bool { top > 0 }
    public var hiddenBelow: Bool { top + height < count }
    /// True when everything fits.
    public var fits: Bool { count <= height }

    /// The largest top line: the last page.
    public var lastTop: Int { max(0, count - height) }

    public mutating func scroll(to line: Int) {
        top = min(max(0, line), lastTop)
    }

    public mutating func scroll(by lines: Int) { scroll(to: top + lines) }

    /// A page: the window less one line, so the last line of one page shows on the next.
    public var page: Int { max(1, height - 1) }

    /// Scrolls as little as possible so that `lines` show (as much of them as fits, from the first).
    public mutating func keepVisible(_ lines: Range<Int>) {
        guard height > 0, !lines.isEmpty else { return }
        if lines.upperBound > top + height { scroll(to: lines.upperBound - height) }
        if lines.lowerBound < top { scroll(to: lines.lowerBound) }
    }

    public mutating func keepVisible(line: Int) { keepVisible(line..<line + 1) }

    /// Scrolls for a key that moves a page of text with no selection: ↑/↓ (and `k`/`j` when
    /// `letters`), PgUp/PgDn, Home/End. False when the key is not one, or when it would not move
    /// (so a caller can give the key another meaning at the edge).
    public mutating func handle(_ key: Key, letters: Bool = true) -> Bool {
        let before = top
        switch key {
        case .up: scroll(by: -1)
        case .down: scroll(by: 1)
        case .char("k") where letters: scroll(by: -1)
        case .char("j") where letters: scroll(by: 1)
        case .pageUp: scroll(by: -page)
        case .pageDown: scroll(by: page)
        case .home: scroll(to: 0)
        case .end: scroll(to: lastTop)
        default: return false
        }
        return top != before
    }

    /// Marks ▲ on the first and ▼ on the last row of `rect` where lines are out of sight, in
    /// column `col` (a margin the caller keeps free).
    public func drawMarks(into canvas: inout Canvas, rect: Rect, col: Int) {
        guard rect.height > 0, col >= 0, col < canvas.width else { return }
        if hiddenAbove { canvas.put("▲", row: rect.row, col: col, style: .dim) }
        if hiddenBelow { canvas.put("▼", row: rect.row + rect.height - 1, col: col, style: .dim) }
    }
}
