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

    /// The keys: the screen's own while browsing, else those of the field or the list.
    func bindings(for kind: ScreenKind) -> [KeyBinding] {
        switch self {
        case .browsing: KeyTable.bindings(for: kind)
        case .editing: ComponentKeys.field
        case .picking: ComponentKeys.picker(inForm: true)
        }
    }
}

extension FormMode {
    enum EditResult {
        case stillEditing, cancelled
        /// Saved; the form is browsing again and moves the selection by `move` rows (Tab, Shift-Tab).
        case committed(move: Int)
    }

    /// A key while editing or picking: the text field's keys, the list's keys, Enter to confirm
    /// through `commitText` or `commitChoice` (which save and say whether that worked), Esc to
    /// cancel. A refused value keeps the edit open.
    mutating func handleEdit(_ key: Key, commitText: (String) -> Bool, commitChoice: (Int) -> Bool) -> EditResult {
        switch self {
        case .browsing:
            return .stillEditing
        case .editing(let field):
            switch FieldEdit.handle(key, field) {
            case .editing(let edited):
                self = .editing(edited)
                return .stillEditing
            case .cancelled:
                self = .browsing
                return .cancelled
            case .confirmed(let text, let move):
                guard commitText(text) else { return .stillEditing }
                self = .browsing
                return .committed(move: move)
            }
        case .picking(var picker):
            switch key {
            case .escape:
                self = .browsing
                return .cancelled
            case .enter, .tab, .backTab:
                guard commitChoice(picker.selected) else { return .stillEditing }
                self = .browsing
                return .committed(move: key == .tab ? 1 : key == .backTab ? -1 : 0)
            default:
                _ = picker.handle(key, pageSize: picker.count)
                self = .picking(picker)
                return .stillEditing
            }
        }
    }
}

/// A screen built as a form: rows in a list, one edited in place or picked at a time.
protocol FormScreen: AnyObject {
    var mode: FormMode { get set }
    var list: ListState { get set }
    var error: String? { get set }
    /// Saves a typed value for the selected row; false (with `error` set) when refused.
    func commit(_ text: String) -> Bool
    /// Saves a choice from the picker for the selected row; false when refused.
    func choose(_ index: Int) -> Bool
    /// Opens the selected row for typing (or its picker), if it is a row one types in: Tab
    /// confirms a field and opens the next, so a coach types, Tab, types, Tab.
    func openSelectedForTyping()
}

extension FormScreen {
    /// A key while a row is being edited or picked: confirmed values are saved and the
    /// selection moves on (Tab, Shift-Tab); Esc cancels and clears the error.
    func handleFormEdit(_ key: Key) {
        // A local copy: the commit closures read this screen, never while its mode is borrowed.
        var current = mode
        let result = current.handleEdit(key, commitText: commit, commitChoice: choose)
        mode = current
        switch result {
        case .cancelled: error = nil
        case .committed(let move):
            guard move != 0 else { break }
            let before = list.selected
            list.select(list.selected + move)
            if list.selected != before { openSelectedForTyping() }
        case .stillEditing: break
        }
    }
}
