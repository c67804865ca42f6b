import TerminalKit

/// Components match keys against the rows that draw their hints and help, as Bubble Tea's
/// components match against the bindings their help shows: a key no row covers does nothing, and
/// what a key does is what its row says. `KeyWalkTests` checks both ways.
extension Array where Element == KeyBinding {
    /// The action of the first row that covers `key` (a typed letter, for a text row); nil: ignore the key.
    func action(for key: Key) -> Action? { first { $0.covers(key) }?.action }

    /// How the key for `action` is written, for a text that names it ("(t)"); nil when no row has
    /// it, so a text built from the rows of the state it shows in never names a key that does
    /// nothing there (while a field is open, letters are text).
    func keyName(for action: Action) -> String? {
        first { $0.action == action }.map { $0.keyLabel ?? $0.keys.first?.name ?? "" }
    }

    /// The keys of a dialog on one line, from the rows' hints: "j  ja    n  nee    Enter  nee".
    var choices: String { KeyTable.hints(from: self).map { "\($0.key)  \($0.label)" }.joined(separator: "    ") }

    /// The keys under a list to pick from, from the rows' hints: "Enter kies · Esc annuleer".
    var footer: String { KeyTable.hints(from: self).map { "\($0.key) \($0.label)" }.joined(separator: " · ") }
}
