import Caseload
import TerminalKit

// SCAFFOLD (issue 17): replaced by the helper that owns this file.
final class PlacementScreen: Screen, OfOneYouth {
    let kind = ScreenKind.placement
    let title = "Plaatsing"
    let editor: YouthEditor
    init(editor: YouthEditor, placementID: String? = nil) { self.editor = editor }
    func handle(_ key: Key) -> Navigation { KeyTable.action(for: key, on: kind) == .back ? .pop : .stay }
    func render(into canvas: inout Canvas, area: Rect) {}
}
