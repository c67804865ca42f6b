import Caseload
import TerminalKit

/// The keys of one line of text being typed (a form's field, a prompt), dispatched from the key
/// rows that draw its hints and help (as Bubble Tea's `key.Matches`): a key in no row does
/// nothing, and a row's action is what its help says.
enum LineEdit {
    enum Outcome: Equatable {
        /// The text after the key; `changed` when it is not what it was.
        case editing(TextField, changed: Bool)
        /// The key or paste would pass the field's limit: nothing changed; the message says so.
        case refused(String)
        case cancelled
        /// Confirm `text`; on success move by `move` fields (0 for Enter, ±1 for Tab and Shift-Tab).
        case confirmed(String, move: Int)
        /// No row has this key.
        case ignored
    }

    /// Handles `key` for `field` by `rows`; `label` names the field in the message about its limit.
    static func handle(_ key: Key, _ field: TextField, rows: [KeyBinding], label: String) -> Outcome {
        guard let action = rows.action(for: key) else { return .ignored }
        switch action {
        case .cancel: return .cancelled
        case .confirm: return .confirmed(field.text, move: 0)
        case .confirmAndMove: return .confirmed(field.text, move: key == .backTab ? -1 : 1)
        case .type, .editText:
            var edited = field
            switch edited.handle(key) {
            case .refused: return .refused(TextLimits.tooLong(field: label, limit: field.limit ?? TextLimits.line))
            case .changed: return .editing(edited, changed: true)
            case .moved, .ignored: return .editing(edited, changed: false)
            }
        default: return .ignored
        }
    }
}
