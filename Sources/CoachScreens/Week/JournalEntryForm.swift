import Caseload
import Foundation
import TerminalKit

/// The form of one contact in the journal, also the quick entry (`g` on every screen of a
/// youth): the kind first, then the day (today), the duration, who was there, the report and the
/// working principles; Tab leads through it. The entry exists, and is saved, from the moment its
/// kind is chosen.
enum JournalEntryForm {
    static func make(editor: YouthEditor, entryID: String?) -> RecordFormScreen {
        let session = editor.session
        // A new entry's id is fixed now, so the report's draft has its name before the entry is saved.
        let id = entryID ?? UUID().uuidString.lowercased()
        func entry() -> JournalEntry? { editor.youth.journal.first { $0.id == id } }
        func update(_ change: (inout JournalEntry) throws(InputError) -> Void) -> String? {
            guard var current = entry() else {
                return entryID == nil ? "Kies eerst de soort contact." : "Dit contact bestaat niet meer."
            }
            do { try change(&current) } catch { return error.message }
            return editor.apply { $0.save(current) }
        }
        let kinds = ContactKind.allCases
        let principles = WorkingPrinciple.allCases
        let isNew = entryID == nil
        return RecordFormScreen(editor: editor, title: "Contact", heading: "\(editor.youth.name)  ·  \(isNew ? "Contact noteren" : "Contact")",
                                startsTyping: isNew, fields: [
            .init(label: "Soort", value: { entry()?.kind.label ?? "" }, edit: .choice(
                options: { kinds.map(\.label) },
                selected: { entry().flatMap { kinds.firstIndex(of: $0.kind) } ?? 0 },
                commit: { index in
                    guard entry() != nil else { return editor.apply { $0.save(JournalEntry(date: session.today, kind: kinds[index], id: id)) } }
                    return update { $0.kind = kinds[index] }
                })),
            .init(label: "Datum (dd-mm-jjjj)", value: { entry()?.date.text ?? "" }, edit: .date(optional: false) { day in
                update { e throws(InputError) in e.date = try Youth.validContactDate(day ?? e.date, today: session.today) }
            }),
            .init(label: "Duur (minuten of u:mm)", value: { entry()?.minutes.map(String.init) ?? "" },
                  edit: .text { input in update { e throws(InputError) in e.minutes = try JournalEntry.validMinutes(input) } },
                  cells: { entry()?.minutes.map { [(JournalEntry.durationText($0), .normal)] } ?? [("–", .dim)] }),
            .init(label: "Wie waren erbij", value: { entry()?.present ?? "" }, edit: .text { input in
                update { e throws(InputError) in e.present = try Youth.validText(input, field: "Wie erbij waren") }
            }),
            .init(label: "Verslag", value: { entry()?.text ?? "" }, edit: .multiline(youthID: editor.youth.id, draft: .journal(entryID: id)) { text in
                update { $0.text = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            }),
            .init(label: "Werkzame principes", value: { entry()?.principles.map(\.label).joined(separator: ", ") ?? "" }, edit: .check(
                options: { principles.map(\.label) },
                checked: { Set(entry()?.principles.compactMap { principles.firstIndex(of: $0) } ?? []) },
                commit: { ticked in Form.Reply(failure: update { e in e.principles = ticked.sorted().map { principles[$0] } }) })),
        ], footer: {
            entry()?.kind == .failedAttempt ? [("Een mislukte poging telt niet als contact voor \"laatste contact\".", .dim)] : []
        })
    }
}
