import Caseload
import TerminalKit

/// Removing a record of one youth (an action, a contact, a scout attempt, an agenda item, a
/// person), the same on every screen: a rule that forbids it answers at once and nothing is
/// asked; otherwise Confirm asks, naming what goes and what follows, Enter meaning no. `j`
/// removes, saves at once and drops the drafts of texts typed in what went.
struct Removal {
    /// The dialog's title, e.g. "Actie verwijderen".
    let title: String
    /// What goes and what follows, in the coach's words; data in it is escaped when drawn.
    let question: String
    /// Drafts of texts typed in what goes: dropped with it.
    var drafts: [DraftField] = []
    let change: (inout Youth) throws(InputError) -> Void

    /// Asks, or refuses at once when a rule forbids it. `report` gets why it was refused, or once
    /// removed and saved nil or why saving failed (a full disk); the screen shows it and counts
    /// its rows again. A "no" changes nothing and reports nothing.
    func ask(_ editor: YouthEditor, report: @escaping (_ failure: String?) -> Void) -> Navigation {
        var trial = editor.youth
        do { try change(&trial) } catch {
            report(error.message)
            return .stay
        }
        let confirm = Confirm(title: title, question: question, yes: "ja, verwijder")
        return .popup(ConfirmPopup(confirm) { answer in
            guard answer == .yes else { return .stay }
            let failure = editor.apply(change)
            if failure == nil {
                for field in drafts { editor.session.store.removeDraft(youthID: editor.youth.id, field: field) }
            }
            report(failure)
            return .stay
        })
    }
}

extension Wording {
    /// A text from the data quoted in a question: on one line, shortened to what a dialog shows.
    static func quoted(_ text: String) -> String { "\"\(Glyphs.truncate(Form.oneLine(text), to: 60))\"" }
}

extension YouthEditor {
    /// Whether a change can be saved: not a read-only directory, not a file of a newer version.
    var isWritable: Bool { session.store.readOnlyReason(for: youth.id) == nil }
}

extension OfOneYouth {
    /// The screen's key rows, with the removal key only while it can remove something (a row is
    /// selected and the youth can be saved), so the hint line and the help name it only then.
    func keyRows(canRemove: Bool) -> [KeyBinding] {
        KeyTable.bindings(for: kind).filter { $0.action != .remove || canRemove }
    }
}
