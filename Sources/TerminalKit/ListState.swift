/// Selection and scrolling of a list: arrows, j/k, PgUp/PgDn, Home/End. The window is a
/// `ScrollPosition`, moved only by keys and resizes to show the selection.
public struct ListState: Equatable, Sendable {
    public private(set) var count: Int
    public private(set) var selected: Int
    /// The window the keys scrolled: its height is the last one given to `keepVisible`.
    public private(set) var scroll = ScrollPosition()

    public init(count: Int = 0, selected: Int = 0) {
        self.count = max(0, count)
        self.selected = 0
        select(selected)
    }

    /// The first row shown.
    public var top: Int { scroll.top }

    public var isEmpty: Bool { count == 0 }

    public mutating func setCount(_ count: Int) {
        self.count = max(0, count)
        select(selected)
    }

    public mutating func select(_ index: Int) {
        selected = count == 0 ? 0 : min(max(index, 0), count - 1)
    }

    /// Moves the selection for a navigation key, scrolling a window of `pageSize` rows with it;
    /// false when the key is not one.
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
        keepVisible(height: pageSize)
        return true
    }

    /// Scrolls a window of `height` rows as little as possible so that the selection shows.
    public mutating func keepVisible(height: Int) {
        scroll = position(height: height)
    }

    /// The window for `height` rows, without changing anything: the one the keys scrolled, moved
    /// only as far as needed to show the selection. Drawing asks this, and marks from it.
    public func position(height: Int) -> ScrollPosition {
        var window = scroll
        window.resize(count: count, height: max(0, height))
        if count > 0 { window.keepVisible(line: selected) }
        return window
    }

    /// The rows to draw in a window of `height` rows.
    public func visibleRange(height: Int) -> Range<Int> {
        guard height > 0, count > 0 else { return 0..<0 }
        return position(height: height).visible
    }
}
