import TerminalKit

/// Every key of the screen it was opened from, straight from the key table.
final class HelpScreen: Screen {
    let kind = ScreenKind.help
    let title: String
    private let lines: [(keys: String, help: String)]
    private var list: ListState
    private var pageSize = 10

    init(for screen: any Screen) {
        title = "Help"
        lines = KeyTable.bindings(for: screen.kind)
            .filter { $0.action != .help || screen.kind != .help }
            .map { ($0.keyNames, $0.help) }
        list = ListState(count: lines.count)
    }

    func handle(_ key: Key) -> Navigation {
        switch KeyTable.action(for: key, on: kind) {
        case .back: return .pop
        case .move:
            _ = list.handle(key, pageSize: pageSize)
            return .stay
        default:
            return key == .char("?") || key == .f1 ? .pop : .stay
        }
    }

    func render(into canvas: inout Canvas, area: Rect) {
        canvas.put("Toetsen op dit scherm", row: area.row + 1, col: 2, style: .heading)
        let keyWidth = min(30, (lines.map { Glyphs.width(of: $0.keys) }.max() ?? 0) + 2)
        let textWidth = area.width - keyWidth - 4
        var rows: [(keys: String, text: String)] = []
        for line in lines {
            for (index, part) in Glyphs.wrap(line.help, width: textWidth).enumerated() {
                rows.append((index == 0 ? line.keys : "", part))
            }
        }
        rows.append(("", ""))
        rows.append(("", "Alles wat u bevestigt, staat meteen veilig op schijf. Er is geen opslaan-knop."))
        list.setCount(rows.count)
        pageSize = area.height - 3
        let visible = list.visibleRange(height: pageSize)
        for (offset, index) in visible.enumerated() {
            canvas.put(rows[index].keys, row: area.row + 2 + offset, col: 2, style: .accent, maxWidth: keyWidth)
            canvas.put(rows[index].text, row: area.row + 2 + offset, col: 2 + keyWidth, maxWidth: textWidth)
        }
    }
}
