import TerminalKit

/// Where to go after a key.
public enum Navigation {
    case stay
    case push(any Screen)
    case replace(any Screen)
    case pop
    case quit
    /// Open a dialog over the screens (App's pop-up stack).
    case popup(any Popup)
    /// Replace the whole stack (a draft reopened where it was typed).
    case replaceAll([any Screen])
    /// Navigate, then open a pop-up over where that led: a notice about what is gone is shown
    /// only after the screens that showed it are.
    indirect case then(Navigation, popup: any Popup)

    /// Whether this replaces the whole stack (first of all).
    var replacesAll: Bool {
        switch self {
        case .replaceAll: true
        case .then(let first, _): first.replacesAll
        default: false
        }
    }
}

/// A screen is state plus two functions: handle a key, and draw itself.
public protocol Screen: AnyObject {
    var kind: ScreenKind { get }
    /// Where you are, for the title line.
    var title: String { get }
    /// True while a text field or a dialog owns the keys: letters are text, `q` is not quit.
    var capturesKeys: Bool { get }
    /// The keys that work right now, for the hint line and the help: the key table's rows for this
    /// kind, or those of the component (a field, a list, the text editor) that has the keys.
    var bindings: [KeyBinding] { get }
    func handle(_ key: Key) -> Navigation
    /// Draws into `area`: the canvas minus the title and hint lines.
    func render(into canvas: inout Canvas, area: Rect)
    /// Called when the screen comes back on top, e.g. to reread changed data.
    func willAppear()
    /// The area the screen draws in, given by the App whenever it changes (a resize) and when the
    /// screen is opened: `handle` works from this, never from the last frame.
    func resize(to area: Rect)
    /// A pop-up the screen opens with, shown when it is pushed (a new record's first choice).
    func openingPopup() -> (any Popup)?
}

extension Screen {
    public var capturesKeys: Bool { false }
    public var bindings: [KeyBinding] { KeyTable.bindings(for: kind) }
    /// The bottom line: the hints of the keys that work right now.
    public var hints: [Chrome.Hint] { KeyTable.hints(from: bindings) }
    public func willAppear() {}
    public func resize(to area: Rect) {}
    public func openingPopup() -> (any Popup)? { nil }
}

/// A screen of one youth: from each, `g` notes a contact in that youth's journal (App does it, in
/// one place). Nil while the screen shows no youth (an empty review).
protocol YouthScoped: Screen {
    var youthEditor: YouthEditor? { get }
}

/// A screen that always shows one youth, through its editor.
protocol OfOneYouth: YouthScoped {
    var editor: YouthEditor { get }
}

extension OfOneYouth {
    var youthEditor: YouthEditor? { editor }
}
