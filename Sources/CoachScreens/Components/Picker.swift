import TerminalKit

/// A list to choose one item from, in a box over the screen: ↑ ↓ PgUp PgDn Home End move,
/// Enter (or Tab, in a form) chooses, Esc cancels.
struct Picker {
    let title: String
    let options: [String]
    private(set) var list: ListState

    init(title: String, options: [String], selected: Int = 0) {
        self.title = title
        self.options = options
        list = ListState(count: options.count, selected: selected)
    }

    enum Outcome: Equatable { case picking, cancelled, chosen(Int) }

    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .cancelled
        case .enter: return options.indices.contains(list.selected) ? .chosen(list.selected) : .cancelled
        default:
            _ = list.handle(key, pageSize: max(1, options.count))
            return .picking
        }
    }

    var bindings: [KeyBinding] { ComponentKeys.picker(inForm: false) }

    func render(into canvas: inout Canvas) {
        Chrome.picker(&canvas, title: title, options: options, state: list)
    }
}
