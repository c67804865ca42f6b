import TerminalKit

/// What a form screen is doing: moving between rows, editing one in place, or picking a value
/// from a list. While not browsing, the form owns every key (letters are text).
enum FormMode {
    case browsing
    case editing(TextField)
    case picking(ListState)

    var capturesKeys: Bool {
        if case .browsing = self { return false }
        return true
    }

    /// The bottom line: the screen's own keys while browsing, else those of the edit or list.
    func hints(for kind: ScreenKind) -> [Chrome.Hint] {
        switch self {
        case .browsing: KeyTable.hints(for: kind)
        case .editing: FieldEdit.hints
        case .picking: FieldEdit.pickerHints
        }
    }
}
