import Caseload
import TerminalKit

// SCAFFOLD: the escalation helper replaces this with the real screen.
/// A youth's escalations to the gemeentelijk or landelijk IPTA-overleg, oldest first.
final class EscalationsScreen: Screen, OfOneYouth {
    let kind = ScreenKind.escalations
    let title = "Escalaties"
    let editor: YouthEditor

    init(editor: YouthEditor) { self.editor = editor }

    func handle(_ key: Key) -> Navigation {
        KeyTable.action(for: key, on: kind) == .back ? .pop : .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        canvas.put("Escalaties van \(editor.youth.name)", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
    }
}
