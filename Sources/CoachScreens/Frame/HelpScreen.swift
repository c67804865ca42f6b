import TerminalKit

/// Every key of the screen it was opened from, straight from the key table.
final class HelpScreen: Screen {
    let kind = ScreenKind.help
    let title: String
    let lines: [(keys: String, help: String)]
    /// The last line: when what the coach confirms is saved.
    let savingNote: String
    /// Which rows of the page show: it scrolls, nothing is selected.
    private var scroll = ScrollPosition()

    init(for screen: any Screen) {
        title = "Help"
        lines = screen.bindings.map { ($0.keyNames, $0.help) }
        savingNote = (screen as? any OneShotForm)?.savingNote ?? Self.savedAtOnce
    }

    static let savedAtOnce = "Alles wat u bevestigt, staat meteen veilig op schijf. Er is geen opslaan-knop."

    func handle(_ key: Key) -> Navigation {
        switch KeyTable.action(for: key, on: kind) {
        case .back: return .pop
        case .move:
            _ = scroll.handle(key)
            return .stay
        default:
            return .stay
        }
    }

    /// The key column's width and the rows of the page at a screen width.
    private func layout(width: Int) -> (keyWidth: Int, rows: [(keys: String, text: String)]) {
        let keyWidth = min((lines.map { Glyphs.width(of: $0.keys) }.max() ?? 0) + 2, max(12, width * 3 / 8))
        let textWidth = width - keyWidth - 4
        var rows: [(keys: String, text: String)] = []
        for line in lines + [("", ""), ("", savingNote)] {
            let keys = Glyphs.wrap(line.keys, width: keyWidth - 2), help = Glyphs.wrap(line.help, width: textWidth)
            for index in 0..<max(keys.count, help.count) {
                rows.append((index < keys.count ? keys[index] : "", index < help.count ? help[index] : ""))
            }
        }
        return (keyWidth, rows)
    }

    func resize(to area: Rect) {
        scroll.resize(count: layout(width: area.width).rows.count, height: max(1, area.height - 2))
    }

    func render(into canvas: inout Canvas, area: Rect) {
        canvas.put("Toetsen op dit scherm", row: area.row + 1, col: 2, style: .heading)
        let (keyWidth, rows) = layout(width: area.width)
        let textWidth = area.width - keyWidth - 4
        for (offset, index) in scroll.visible.enumerated() where rows.indices.contains(index) {
            canvas.put(rows[index].keys, row: area.row + 2 + offset, col: 2, style: .accent, maxWidth: keyWidth)
            canvas.put(rows[index].text, row: area.row + 2 + offset, col: 2 + keyWidth, maxWidth: textWidth)
        }
        scroll.drawMarks(into: &canvas, rect: Rect(row: area.row + 2, col: area.col, width: area.width, height: scroll.height), col: area.col)
    }
}
