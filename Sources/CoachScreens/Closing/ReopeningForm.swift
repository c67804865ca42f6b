import Caseload
import TerminalKit

// SCAFFOLD: the closing helper replaces this with the real form.
/// Reopening a closed case: the reason and the day; it returns to the phase it was closed from.
final class ReopeningForm: Screen, OfOneYouth {
    let kind = ScreenKind.reopening
    let title = "Heropenen"
    let editor: YouthEditor

    init(editor: YouthEditor) { self.editor = editor }

    func handle(_ key: Key) -> Navigation {
        KeyTable.action(for: key, on: kind) == .back ? .pop : .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        canvas.put("Heropenen van \(editor.youth.name)", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
    }
}
