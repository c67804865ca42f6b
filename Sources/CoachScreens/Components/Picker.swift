import TerminalKit

/// A list to choose one item from, in a box over the screen: ↑ ↓ PgUp PgDn Home End move,
/// Enter (or Tab, in a form) chooses, Esc cancels. As a checklist (`checked` given) Space ticks
/// the selected item on or off and Enter confirms the ticked ones.
struct Picker {
    let title: String
    let options: [String]
    /// In a form, Tab and Shift-Tab choose too, and move to the next or previous field.
    let inForm: Bool
    private(set) var list: ListState
    /// The options shown at once, from the screen's size (`resize`): PgUp and PgDn move by it.
    private(set) var pageSize: Int
    /// The ticked items of a checklist; nil for a list to choose one from.
    private(set) var checked: Set<Int>?
    /// In a one-shot form, the act that saves the choice ("afsluiten"); nil when it is saved at once.
    var heldUntil: String?

    init(title: String, options: [String], selected: Int = 0, inForm: Bool = false) {
        self.title = title
        self.options = options
        self.inForm = inForm
        list = ListState(count: options.count, selected: selected)
        pageSize = max(1, options.count)
        list.keepVisible(height: pageSize)
    }

    /// The screen is `height` rows high: the window of options follows, clamped.
    mutating func resize(height: Int) {
        pageSize = Chrome.pickerRows(options: options.count, screenHeight: height)
        list.keepVisible(height: pageSize)
    }

    /// A checklist with `checked` ticked.
    init(title: String, options: [String], checked: Set<Int>, inForm: Bool = false) {
        self.init(title: title, options: options, inForm: inForm)
        self.checked = checked.filter(options.indices.contains)
    }

    /// `chosen` (or, for a checklist, `ticked`) with how far the form moves on: 0 for Enter, 1 for
    /// Tab, -1 for Shift-Tab.
    enum Outcome: Equatable { case picking, cancelled, chosen(Int, move: Int), ticked(Set<Int>, move: Int) }

    /// Does what the key's row says; a key no row covers does nothing.
    mutating func handle(_ key: Key) -> Outcome {
        switch bindings.action(for: key) {
        case .cancel: return .cancelled
        case .choose, .confirmAndMove:
            let move = key == .tab ? 1 : key == .backTab ? -1 : 0
            if let checked { return .ticked(checked, move: move) }
            return options.indices.contains(list.selected) ? .chosen(list.selected, move: move) : .cancelled
        case .toggle:
            if options.indices.contains(list.selected) { checked?.formSymmetricDifference([list.selected]) }
        case .move: _ = list.handle(key, pageSize: pageSize)
        default: break
        }
        return .picking
    }

    var bindings: [KeyBinding] {
        let rows = checked == nil ? ComponentKeys.picker(inForm: inForm) : ComponentKeys.checklist(inForm: inForm)
        guard let heldUntil, let choose = rows.first(where: { $0.action == .choose }) else { return rows }
        return rows.naming(.choose, choose.hint ?? "kies", help: ComponentKeys.held(heldUntil))
    }

    func render(into canvas: inout Canvas) {
        guard let checked else {
            Chrome.picker(&canvas, title: title, options: options, state: list, footer: bindings.footer)
            return
        }
        Chrome.picker(&canvas, title: title, options: options.indices.map { (checked.contains($0) ? "[x] " : "[ ] ") + options[$0] },
                      state: list, footer: bindings.footer)
    }
}
