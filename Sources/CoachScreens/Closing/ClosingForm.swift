import Caseload
import TerminalKit

// SCAFFOLD: the closing helper replaces this with the real form.
/// Closing a case in one form: outcome, date, note, and what happens to open actions and lopende
/// placements; the last row closes, after confirmation.
final class ClosingForm: Screen, OfOneYouth {
    let kind = ScreenKind.closing
    let title = "Afsluiten"
    let editor: YouthEditor

    init(editor: YouthEditor) { self.editor = editor }

    func handle(_ key: Key) -> Navigation {
        KeyTable.action(for: key, on: kind) == .back ? .pop : .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        canvas.put("Afsluiten van \(editor.youth.name)", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
    }
}
