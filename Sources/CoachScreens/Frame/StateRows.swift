import TerminalKit

/// A screen's rows in the state it is in: a key that would do nothing there (Enter on an empty
/// list, PgDn on the last page) is neither named nor dispatched, and a key whose effect depends on
/// the state (x on an action already done reopens it) is named by what it does now. Screens build
/// their `bindings` with these and dispatch from them, so the hint line, the help and the keys agree.
extension Array where Element == KeyBinding {
    /// Without the rows of `actions` when `condition` holds (their keys then do nothing).
    func dropping(_ actions: Action..., when condition: Bool = true) -> [KeyBinding] {
        condition ? filter { !actions.contains($0.action) } : self
    }

    /// The rows of `action` keep only those of their keys in `keys`; a row left without keys goes.
    func keeping(_ keys: [Key], of action: Action) -> [KeyBinding] {
        compactMap { row in
            guard row.action == action else { return row }
            var kept = row
            kept.keys = row.keys.filter(keys.contains)
            // A label written for all the keys ("←→") would name one that went.
            if kept.keys != row.keys { kept.keyLabel = nil }
            return kept.keys.isEmpty ? nil : kept
        }
    }

    /// The rows of `action` named `hint` (and explained by `help`, when given): what the key does now.
    func naming(_ action: Action, _ hint: String, help: String? = nil) -> [KeyBinding] {
        map { row in
            guard row.action == action else { return row }
            var named = row
            named.hint = hint
            if let help { named.help = help }
            return named
        }
    }
}
