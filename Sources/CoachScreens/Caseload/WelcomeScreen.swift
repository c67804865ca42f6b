import Caseload
import TerminalKit

/// The first screen on an empty data directory: start empty, or with the fictional demo. The
/// first time, it asks for the coach's own name.
final class WelcomeScreen: Screen {
    let kind = ScreenKind.welcome
    let title = "Welkom"
    private let session: Session
    private var error: String?

    init(session: Session) {
        self.session = session
    }

    /// The first time, the welcome asks for the coach's name (the App opens it over this screen).
    var firstQuestion: (any Popup)? {
        session.store.hasSettingsFile || session.store.readOnlyReason != nil ? nil : CoachNamePrompt.popup(session)
    }

    func handle(_ key: Key) -> Navigation {
        switch KeyTable.action(for: key, on: kind) {
        case .coachName:
            return .popup(CoachNamePrompt.popup(session))
        case .emptyCaseload:
            return .replace(CaseloadScreen(session: session))
        case .demoCaseload:
            do {
                try DemoCaseload.write(into: session.store, today: session.today, now: session.now)
                return .replace(CaseloadScreen(session: session))
            } catch {
                self.error = error.localizedDescription
                return .stay
            }
        case .quit:
            return .quit
        default:
            return .stay
        }
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let width = min(area.width - 4, 70)
        let col = area.col + max(2, (area.width - width) / 2)
        var row = area.row + 1
        canvas.put("Welkom bij Rode Loper", row: row, col: col, style: .heading)
        row += 2
        let intro = "Hier houdt u de caseload bij van de jongeren die u coacht, van scout tot borg. "
            + "Alles wat u bevestigt, wordt meteen en veilig opgeslagen in \(session.store.directory)."
        for line in Glyphs.wrap(intro, width: width) {
            canvas.put(line, row: row, col: col, maxWidth: width)
            row += 1
        }
        row += 1
        let name = session.store.settings.coachName
        row += canvas.putWrapped("Uw naam: \(name.isEmpty ? "nog niet ingevuld" : name) (i wijzigt)", row: row, col: col, width: width,
                                 style: .dim) + 1
        canvas.put("De caseload is nog leeg. Hoe wilt u beginnen?", row: row, col: col, maxWidth: width)
        row += 2
        let choices: [(String, String)] = [
            ("Enter", "met een lege caseload"),
            ("d", "met een demo-caseload: verzonnen jongeren om mee te oefenen"),
            ("i", "uw naam invullen of wijzigen"),
            ("q", "stoppen"),
        ]
        for (key, text) in choices {
            canvas.put(key, row: row, col: col + 2, style: .accent)
            canvas.put(text, row: row, col: col + 10, maxWidth: width - 10)
            row += 1
        }
        if let error {
            row += 1
            canvas.putWrapped(error, row: row, col: col, width: width, style: .error)
        }
    }
}
