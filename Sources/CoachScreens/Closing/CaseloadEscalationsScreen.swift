import Caseload
import TerminalKit

// SCAFFOLD: the escalation helper replaces this with the real screen.
/// The open escalations across the caseload, oldest first; Enter opens the youth.
final class CaseloadEscalationsScreen: Screen {
    let kind = ScreenKind.caseloadEscalations
    let title = "Escalaties"
    private let session: Session

    init(session: Session) { self.session = session }

    func handle(_ key: Key) -> Navigation {
        KeyTable.action(for: key, on: kind) == .back ? .pop : .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        canvas.put("Open escalaties", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
    }
}
