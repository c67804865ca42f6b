/// Selection and scrolling of a list: arrows, j/k, PgUp/PgDn, Home/End.
public struct ListState: Equatable, Sendable {
    public private(set) var count: Int
    public private(set) var selected: Int
    /// The first row shown.
    public private(set) var top = 0

    public init(count: Int = 0, selected: Int = 0) {
        self.count = max(0, count)
        self.selected = 0
        select(selected)
    }

    public var isEmpty: Bool { count == 0 }

    public mutating func setCount(_ count: Int) {
        self.count = max(0, count)
        select(selected)
    }

    public mutating func select(_ index: Int) {
        selected = count == 0 ? 0 : min(max(index, 0), count - 1)
    }

    /// Moves the selection for a navigation key; false when the key is not one.
    public mutating func handle(_ key: Key, pageSize: Int) -> Bool {
        switch key {
        case .up, .char("k"): select(selected - 1)
        case .down, .char("j"): select(selected + 1)
        case .pageUp: select(selected - max(pageSize - 1, 1))
        case .pageDown: select(selected + max(pageSize - 1, 1))
        case .home: select(0)
        case .end: select(count - 1)
        default: return false
        }
        return true
    }

    /// The rows to draw in a window of `height` rows, scrolled so that the selection shows.
    public mutating func visibleRange(height: Int) -> Range<Int> {
        guard height > 0, count > 0 else { return 0..<0 }
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        top = max(0, min(top, count - height))
        return top..<min(count, top + height)
    }
}
