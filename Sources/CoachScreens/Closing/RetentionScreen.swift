import Caseload
import TerminalKit

// SCAFFOLD: the erasure helper replaces this with the real screen.
/// Closed cases past their retention term: name, outcome, closed on; `d` erases one after its
/// name is typed in full.
final class RetentionScreen: Screen {
    let kind = ScreenKind.retention
    let title = "Bewaartermijn"
    private let session: Session

    init(session: Session) { self.session = session }

    /// The line the caseload shows when closed cases are past their term; nil when none are.
    static func caseloadLine(_ session: Session) -> String? { nil }

    func handle(_ key: Key) -> Navigation {
        KeyTable.action(for: key, on: kind) == .back ? .pop : .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        canvas.put("Bewaartermijn voorbij", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
    }
}
