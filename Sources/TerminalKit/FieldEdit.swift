/// The keys of a one-line edit inside a form: Esc cancels, Enter confirms, Tab and Shift-Tab
/// confirm and move to the next or previous row; every other key edits the text.
public enum FieldEdit {
    public enum Outcome: Equatable, Sendable {
        case editing(TextField)
        case cancelled
        /// Confirm `text`; on success move the selection by `move` rows (0, 1 or -1).
        case confirmed(String, move: Int)
    }

    public static func handle(_ key: Key, _ field: TextField) -> Outcome {
        switch key {
        case .escape: return .cancelled
        case .enter: return .confirmed(field.text, move: 0)
        case .tab: return .confirmed(field.text, move: 1)
        case .backTab: return .confirmed(field.text, move: -1)
        default:
            var edited = field
            _ = edited.handle(key)
            return .editing(edited)
        }
    }

    public static let hints: [Chrome.Hint] = [.init("Enter", "bevestig"), .init("Esc", "annuleer"), .init("Tab", "bevestig en volgende")]
}
