import Caseload
import TerminalKit

// SCAFFOLD (issue 17): replaced by the helper that owns this file.
final class WorkplacesScreen: Screen {
    let kind = ScreenKind.workplaces
    let title = "Werkplekken"
    let session: Session
    init(session: Session) { self.session = session }
    func handle(_ key: Key) -> Navigation { KeyTable.action(for: key, on: kind) == .back ? .pop : .stay }
    func render(into canvas: inout Canvas, area: Rect) {}
}
