import Caseload
import TerminalKit

// SCAFFOLD: built by the reports-screen engineer.
/// The figures for the action research, as `rodeloper report` prints them.
final class ReportsScreen: Screen {
    let kind = ScreenKind.reports
    let title = "Rapportage"
    private let session: Session

    init(session: Session) {
        self.session = session
    }

    var bindings: [KeyBinding] { KeyTable.bindings(for: kind) }

    func handle(_ key: Key) -> Navigation {
        switch bindings.action(for: key) {
        case .back: return .pop
        default: return .stay
        }
    }

    func render(into canvas: inout Canvas, area: Rect) {
        canvas.put("Rapportage", row: area.row, col: area.col, maxWidth: area.width)
    }
}
