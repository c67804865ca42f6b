import Caseload
import Foundation
import TerminalKit

/// Erasing one case (at the end of its retention term, or on the young person's request, AVG
/// art. 17): the coach types the youth's name in full; then every trace goes.
enum CaseErasure {
    /// The prompt that says what will be removed, asks for the name and erases. After the
    /// erasure `erased` leads away first (by default: to a fresh caseload, so that no screen still
    /// holds the youth), then a notice says it is done. When the dossier cannot be erased here
    /// (read-only, a newer version's file), a notice says why instead.
    static func popup(session: Session, youthID: String, name: String, erased: (() -> Navigation)? = nil) -> any Popup {
        let traces: ErasureTraces
        do { traces = try session.store.erasureTraces(id: youthID) } catch { return NoticePopup(error.localizedDescription) }
        // A long name is shortened here (the box must fit at 60x16); it is typed in full below.
        let question = "Dit wist voorgoed van \(Glyphs.truncate(name, to: 40)): \(traces.text). Dat kan niet ongedaan worden gemaakt. "
            + "Alleen de datum en het aantal gewiste dossiers blijven bewaard. Typ de volledige naam; Esc wist niets."
        let prompt = Prompt(title: "Dossier wissen", question: question, label: "Naam:", enterLabel: "wis")
        return PromptPopup(prompt) { typed in
            guard typed.trimmingCharacters(in: .whitespaces) == name.trimmingCharacters(in: .whitespaces) else {
                return .refuse("Dat is niet precies de naam van dit dossier (hoofdletters, spaties en accenten tellen mee). Er is niets gewist.")
            }
            let done = erased ?? { .replaceAll([CaseloadScreen(session: session)]) }
            do {
                try session.store.erase(id: youthID, today: session.today)
            } catch where session.store.summaries.contains(where: { $0.id == youthID }) {
                // Stopped midway: the message says what is left; Enter tries again.
                return .refuse(error.localizedDescription)
            } catch {
                return .done(.then(done(), popup: NoticePopup(error.localizedDescription)))
            }
            return .done(.then(done(), popup: NoticePopup("Het dossier is gewist. Alleen de datum en het aantal gewiste dossiers zijn bewaard.")))
        }
    }
}
