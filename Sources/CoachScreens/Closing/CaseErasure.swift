import Caseload
import TerminalKit

// SCAFFOLD: the erasure helper replaces this with the real flow.
/// Erasing one case (at the end of its retention term, or on the young person's request, AVG
/// art. 17): the coach types the youth's name in full; then every trace goes.
enum CaseErasure {
    /// The prompt that asks for the name and erases; `erased` runs after the erasure (the caller
    /// pops back to the caseload).
    static func popup(session: Session, youthID: String, name: String, erased: @escaping () -> Navigation) -> PromptPopup {
        PromptPopup(Prompt(title: "Dossier wissen", question: "Nog niet gebouwd.", label: "Naam:", enterLabel: "wis")) { _ in .refuse("Nog niet gebouwd.") }
    }
}
