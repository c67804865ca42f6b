import Caseload
import TerminalKit

// SCAFFOLD (issue 17): replaced by the helper that owns this file.
final class MatchScreen: Screen, OfOneYouth {
    let kind = ScreenKind.match
    let title = "Match"
    let editor: YouthEditor
    init(editor: YouthEditor) { self.editor = editor }
    func handle(_ key: Key) -> Navigation { KeyTable.action(for: key, on: kind) == .back ? .pop : .stay }
    func render(into canvas: inout Canvas, area: Rect) {}
}
