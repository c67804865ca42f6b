import TerminalKit

/// A list to choose one item from, in a box over the screen: ↑ ↓ PgUp PgDn Home End move,
/// Enter (or Tab, in a form) chooses, Esc cancels.
struct Picker {
    let title: String
    let options: [String]
    /// In a form, Tab and Shift-Tab choose too, and move to the next or previous field.
    let inForm: Bool
    private(set) var list: ListState

    init(title: String, options: [String], selected: Int = 0, inForm: Bool = false) {
        self.title = title
        self.options = options
        self.inForm = inForm
        list = ListState(count: options.count, selected: selected)
    }

    /// `chosen` with how far the form moves on: 0 for Enter, 1 for Tab, -1 for Shift-Tab.
    enum Outcome: Equatable { case picking, cancelled, chosen(Int, move: Int) }

    mutating func handle(_ key: Key) -> Outcome {
        let move = !inForm ? 0 : key == .tab ? 1 : key == .backTab ? -1 : 0
        switch key {
        case .escape: return .cancelled
        case .enter, .tab, .backTab:
            guard key == .enter || move != 0 else { return .picking }
            return options.indices.contains(list.selected) ? .chosen(list.selected, move: move) : .cancelled
        default:
            _ = list.handle(key, pageSize: max(1, options.count))
            return .picking
        }
    }

    var bindings: [KeyBinding] { ComponentKeys.picker(inForm: inForm) }

    func render(into canvas: inout Canvas) {
        Chrome.picker(&canvas, title: title, options: options, state: list)
    }
}
