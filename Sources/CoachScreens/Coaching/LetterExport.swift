import Caseload
import TerminalKit

/// `b` on a placement: the draft recommendation letter from the placement's last talk, written to
/// exports/ as Markdown for the employer to adapt. Returns the message the screen shows.
enum LetterExport {
    static func write(editor: YouthEditor, placementID: String) -> (text: String, style: Style) {
        let session = editor.session
        let current = editor.youth.placements.first { $0.id == placementID }.flatMap { session.store.workplace(id: $0.workplaceID)?.name }
        guard let letter = RecommendationLetter.markdown(youth: editor.youth, placementID: placementID, currentName: current,
                                                         coachName: session.coachName ?? "", today: session.today) else {
            return ("Nog geen voortgangsgesprek bij deze plaatsing: de brief komt uit de vaardigheden van het laatste gesprek (c).", .warning)
        }
        do {
            let path = try session.store.writeExport(letter, named: RecommendationLetter.fileName(for: editor.youth, on: session.today), youthID: editor.youth.id)
            return ("Concept-aanbevelingsbrief geëxporteerd naar \(path) in de gegevensmap", .accent)
        } catch {
            return ("Export mislukt: \(error.localizedDescription)", .error)
        }
    }
}
