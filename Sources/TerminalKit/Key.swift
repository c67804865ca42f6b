/// A key press, decoded from the terminal. Printable text arrives as `.char`; everything else
/// has its own case, so a letter typed into a field can never be mistaken for a command.
public enum Key: Hashable, Sendable {
    case char(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// Ctrl-← and Ctrl-→: a word back or forward.
    case wordLeft, wordRight
    /// Text pasted in one go (bracketed paste): never read as commands.
    case paste(String)
    case f1
    /// Ctrl plus a lower-case letter, e.g. `.ctrl("c")`.
    case ctrl(Character)
    /// The terminal changed size.
    case resize
    case unknown

    /// Decodes a code point as the terminal sends it in raw mode.
    public static func fromCodePoint(_ value: UInt32) -> Key {
        switch value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(value + 0x60)!))
        default:
            guard let scalar = Unicode.Scalar(value), !Glyphs.needsEscape(scalar) else { return .unknown }
            return .char(Character(scalar))
        }
    }

    /// How the key is written in hints and help: "Enter", "Ctrl-C", "/".
    public var name: String {
        switch self {
        case .char(" "): "Spatie"
        case .char(let c): String(c)
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .insert: "Insert"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .wordLeft: "Ctrl-←"
        case .wordRight: "Ctrl-→"
        case .paste: "plakken"
        case .f1: "F1"
        case .ctrl(let c): "Ctrl-\(c.uppercased())"
        case .resize: "resize"
        case .unknown: "?"
        }
    }
}
