import TerminalKit

/// The kinds of screen, for the key table.
public enum ScreenKind: CaseIterable, Sendable {
    case welcome, caseload, youth, help
}

/// What a key does. Screens switch on actions, never on raw keys, so the help and the hint line
/// always say what the keys really do.
public enum Action: Sendable {
    case move, open, new, search, clearSearch, toggleClosed
    case edit, nextField, previousField, nextPhase, previousPhase
    case emptyCaseload, demoCaseload
    case back, quit, help, redraw, forceQuit
}

/// One row of the key table: the keys, the short hint for the bottom line (nil: not shown
/// there), the help text, and the screens where it applies.
public struct KeyBinding: Sendable {
    public let action: Action
    public let keys: [Key]
    public let hint: String?
    public let help: String
    public let screens: [ScreenKind]

    public var keyNames: String { keys.map(\.name).joined(separator: " ") }
}

/// The one table from which key dispatch, the hint line and the help screen all come.
public enum KeyTable {
    private static let lists: [ScreenKind] = [.caseload, .youth, .help]
    private static let everywhere = ScreenKind.allCases

    public static let all: [KeyBinding] = [
        KeyBinding(action: .emptyCaseload, keys: [.enter], hint: "lege caseload",
                   help: "Begin met een lege caseload", screens: [.welcome]),
        KeyBinding(action: .demoCaseload, keys: [.char("d")], hint: "demo",
                   help: "Vul een demo-caseload met verzonnen jongeren, om te oefenen", screens: [.welcome]),
        KeyBinding(action: .move, keys: [.up, .down, .char("k"), .char("j"), .pageUp, .pageDown, .home, .end], hint: nil,
                   help: "Omhoog en omlaag, een pagina, naar begin of eind", screens: lists),
        KeyBinding(action: .open, keys: [.enter], hint: "open",
                   help: "Open het dossier van de gekozen jongere", screens: [.caseload]),
        KeyBinding(action: .new, keys: [.char("n")], hint: "nieuw",
                   help: "Nieuwe jongere: typ de naam, Enter maakt het dossier en opent het", screens: [.caseload]),
        KeyBinding(action: .search, keys: [.char("/")], hint: "zoek",
                   help: "Zoek op naam terwijl u typt (hoofdletters en accenten tellen niet); ↑ ↓ kiezen, Enter opent",
                   screens: [.caseload]),
        KeyBinding(action: .clearSearch, keys: [.escape], hint: nil,
                   help: "Wis de zoekopdracht", screens: [.caseload]),
        KeyBinding(action: .toggleClosed, keys: [.char("a")], hint: "afgesloten",
                   help: "Afgesloten dossiers tonen of verbergen", screens: [.caseload]),
        KeyBinding(action: .edit, keys: [.enter], hint: "wijzig",
                   help: "Wijzig het gekozen veld; Enter bevestigt en slaat meteen op, Esc annuleert", screens: [.youth]),
        KeyBinding(action: .nextField, keys: [.tab], hint: nil,
                   help: "Volgend veld (tijdens het wijzigen: bevestigen en door)", screens: [.youth]),
        KeyBinding(action: .previousField, keys: [.backTab], hint: nil,
                   help: "Vorig veld (tijdens het wijzigen: bevestigen en terug)", screens: [.youth]),
        KeyBinding(action: .nextPhase, keys: [.char("v")], hint: "volgende fase",
                   help: "Naar de volgende fase, na bevestiging; de datum wordt bewaard", screens: [.youth]),
        KeyBinding(action: .previousPhase, keys: [.char("t")], hint: "vorige fase",
                   help: "Terug naar de vorige fase, na bevestiging", screens: [.youth]),
        KeyBinding(action: .back, keys: [.escape, .char("q")], hint: "terug",
                   help: "Terug naar het vorige scherm", screens: [.youth, .help]),
        KeyBinding(action: .quit, keys: [.char("q")], hint: "stop",
                   help: "Stoppen; alles is al opgeslagen", screens: [.welcome, .caseload]),
        KeyBinding(action: .help, keys: [.char("?"), .f1], hint: "help",
                   help: "Deze hulp: alle toetsen van het scherm", screens: [.welcome, .caseload, .youth]),
        KeyBinding(action: .redraw, keys: [.ctrl("l")], hint: nil,
                   help: "Scherm opnieuw tekenen (na storing op de verbinding)", screens: everywhere),
        KeyBinding(action: .forceQuit, keys: [.ctrl("c")], hint: nil,
                   help: "Meteen stoppen, ook midden in een wijziging; wat bevestigd is, is opgeslagen",
                   screens: everywhere),
    ]

    public static func bindings(for screen: ScreenKind) -> [KeyBinding] {
        all.filter { $0.screens.contains(screen) }
    }

    /// What `key` does on `screen`, if anything.
    public static func action(for key: Key, on screen: ScreenKind) -> Action? {
        all.first { $0.screens.contains(screen) && $0.keys.contains(key) }?.action
    }

    /// The hints for the bottom line of `screen`.
    public static func hints(for screen: ScreenKind) -> [Chrome.Hint] {
        bindings(for: screen).compactMap { binding in binding.hint.map { Chrome.Hint(binding.keys[0].name, $0) } }
    }
}
