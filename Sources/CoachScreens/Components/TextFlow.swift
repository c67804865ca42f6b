import Caseload
import TerminalKit

/// Writing through a page of texts (the plan's parts, the quick scan, the notes of an agenda):
/// the one place that decides where Tab leads. Tab confirms the text being written and asks the
/// owner to open the next row for typing, Shift-Tab the previous one; only Esc, or Tab past the
/// first or last row, stops writing. So the letters a coach types after Tab are always text,
/// never the commands of the page behind the editor.
struct TextFlow {
    private(set) var writer: TextEditor
    /// The row being written, among the owner's `rowCount` rows.
    let row: Int
    let rowCount: Int

    init(_ writer: TextEditor, row: Int, of rowCount: Int) {
        self.writer = writer
        self.row = row
        self.rowCount = rowCount
    }

    enum Step: Equatable {
        case writing
        /// Cancelled, or moved past the first or last row: the owner shows its page again.
        case stopped
        /// Confirmed with Tab or Shift-Tab: the owner selects `row` and opens it for typing (a
        /// text in a new flow, a choice in its list).
        case open(row: Int)
    }

    var bindings: [KeyBinding] { writer.bindings }

    /// Handles a key in the text; saving goes through `save`, as in `TextEditor.write`.
    mutating func write(_ key: Key, size: (width: Int, height: Int), session: Session,
                        save: (String) -> String?) -> (Step, error: String?) {
        let (step, failure) = writer.write(key, size: size, session: session, save: save)
        guard case .closed(let move) = step else { return (.writing, failure) }
        return (Self.next(from: row, move: move, count: rowCount).map { .open(row: $0) } ?? .stopped, failure)
    }

    /// The row that a confirmation moving by `move` leads to, or nil when writing stops there.
    static func next(from row: Int, move: Int, count: Int) -> Int? {
        let target = row + move
        return move != 0 && (0..<count).contains(target) ? target : nil
    }

    func render(into canvas: inout Canvas, rect: Rect) { writer.render(into: &canvas, rect: rect) }
}
