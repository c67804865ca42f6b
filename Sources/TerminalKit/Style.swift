/// What a piece of screen is, not how it looks: the backend picks colours, or bold, reverse
/// and underline on a monochrome terminal or under NO_COLOR, so meaning never rests on colour alone.
public enum Style: UInt8, CaseIterable, Sendable {
    case normal, title, hint, hintKey, selected, field, editing, heading, warning, error, dim, escaped, accent

    /// How a style is drawn: foreground and background colour (-1: the terminal's own) and attributes.
    public struct Look: Equatable, Sendable {
        public var foreground: Int32 = -1
        public var background: Int32 = -1
        public var bold = false
        public var reverse = false
        public var underline = false
        public var dim = false
    }

    // The eight basic curses colours, enough for every terminal that has colour at all.
    private static let black: Int32 = 0, red: Int32 = 1, yellow: Int32 = 3, magenta: Int32 = 5, cyan: Int32 = 6, white: Int32 = 7

    public func look(color: Bool) -> Look {
        if color {
            switch self {
            case .normal, .field: return Look()
            case .title: return Look(foreground: Self.white, background: Self.red, bold: true)
            case .hint: return Look(reverse: true)
            case .hintKey: return Look(bold: true, reverse: true)
            case .selected: return Look(foreground: Self.black, background: Self.cyan)
            case .editing: return Look(underline: true)
            case .heading: return Look(foreground: Self.red, bold: true)
            case .warning: return Look(foreground: Self.yellow, bold: true)
            case .error: return Look(foreground: Self.red, bold: true, reverse: true)
            case .dim: return Look(dim: true)
            case .escaped: return Look(foreground: Self.magenta, underline: true)
            case .accent: return Look(foreground: Self.cyan)
            }
        }
        switch self {
        case .normal, .field, .accent: return Look()
        case .title: return Look(bold: true, reverse: true)
        case .hint, .selected: return Look(reverse: true)
        case .hintKey: return Look(bold: true, reverse: true)
        case .editing, .escaped: return Look(underline: true)
        case .heading, .warning: return Look(bold: true)
        case .error: return Look(bold: true, reverse: true)
        case .dim: return Look(dim: true)
        }
    }
}
