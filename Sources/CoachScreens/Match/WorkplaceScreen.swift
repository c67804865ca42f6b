import Caseload
import TerminalKit

// SCAFFOLD (issue 17): replaced by the helper that owns this file.
final class WorkplaceScreen: Screen {
    let kind = ScreenKind.workplace
    let title = "Werkplek"
    let session: Session
    let id: String
    init(session: Session, id: String) { self.session = session; self.id = id }
    func handle(_ key: Key) -> Navigation { KeyTable.action(for: key, on: kind) == .back ? .pop : .stay }
    func render(into canvas: inout Canvas, area: Rect) {}
}
