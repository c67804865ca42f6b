import Caseload
import TerminalKit

/// The contact journal of one youth: newest first, filtered by kind or working principle; n (or
/// g anywhere) notes a contact, Enter opens one. The heading says how long since the last real
/// contact, marked when that is longer than the coach's threshold.
final class JournalScreen: Screen, OfOneYouth {
    let kind = ScreenKind.journal
    let title = "Journaal"
    let editor: YouthEditor
    private var table = Table(columns: [.init("Datum", width: 10), .init("Soort", width: 14, minimum: 7), .init("Duur", width: 7),
                                        .init("Principes", width: 20, minimum: 8), .init("Verslag", width: 30, minimum: 10)], detailLines: 3)

    /// What the list shows: every entry, or one kind, or one principle.
    enum Filter: Equatable {
        case all
        case kind(ContactKind)
        case principle(WorkingPrinciple)

        static let choices: [Filter] = [.all] + ContactKind.allCases.map { .kind($0) } + WorkingPrinciple.allCases.map { .principle($0) }

        var label: String {
            switch self {
            case .all: "Alle contacten"
            case .kind(let kind): kind.label
            case .principle(let principle): "Principe: \(principle.label)"
            }
        }

        func admits(_ entry: JournalEntry) -> Bool {
            switch self {
            case .all: true
            case .kind(let kind): entry.kind == kind
            case .principle(let principle): entry.principles.contains(principle)
            }
        }
    }

    private(set) var filter = Filter.all

    init(editor: YouthEditor) {
        self.editor = editor
        table.setCount(entries.count)
    }

    private var entries: [JournalEntry] { editor.youth.journalNewestFirst.filter(filter.admits) }
    private var selected: JournalEntry? { entries.indices.contains(table.selected) ? entries[table.selected] : nil }
    /// Why the last key did nothing, or what went wrong saving.
    private var error: String?

    /// Removal works on a selected contact of a youth that can be saved; only then is its key named.
    private var canRemove: Bool { selected != nil && editor.isWritable }
    /// Enter opens only a selected row: on an empty list it is not named.
    /// No filter over an empty journal (a filter that is set stays changeable).
    var bindings: [KeyBinding] {
        keyRows(canRemove: canRemove).dropping(.open, when: selected == nil)
            .dropping(.filter, when: editor.youth.journal.isEmpty && filter == .all)
    }

    /// Asks before removing, naming the contact; the draft of its report goes with it.
    private func remove(_ entry: JournalEntry) -> Navigation {
        let what = entry.text.isEmpty ? "" : " \(Wording.quoted(entry.text))"
        let removal = Removal(title: "Contact verwijderen",
                              question: "Contact van \(entry.date.text) (\(entry.kind.label))\(what) verwijderen? Het verdwijnt uit het journaal"
                                  + (entry.kind.isContact ? " en telt niet meer mee voor het laatste contact." : "."),
                              drafts: [.journal(entryID: entry.id)],
                              change: { youth throws(InputError) in try youth.remove(journalEntryID: entry.id) })
        return removal.ask(editor) { [self] failure in
            error = failure
            table.setCount(entries.count)
        }
    }

    func willAppear() { table.setCount(entries.count) }
    func resize(to area: Rect) { table.resize(to: Rect(row: area.row + 2, col: area.col, width: area.width, height: area.height - 2)) }

    func handle(_ key: Key) -> Navigation {
        // A key that does nothing leaves the message standing.
        guard let command = bindings.action(for: key) else { return .stay }
        error = nil
        switch command {
        case .move: _ = table.handle(key)
        case .new: return .push(JournalEntryForm.make(editor: editor, entryID: nil))
        case .remove where canRemove:
            if let entry = selected { return remove(entry) }
        case .open:
            let shown = entries
            if shown.indices.contains(table.selected) { return .push(JournalEntryForm.make(editor: editor, entryID: shown[table.selected].id)) }
        case .filter:
            let picker = Picker(title: "Toon", options: Filter.choices.map(\.label), selected: Filter.choices.firstIndex(of: filter) ?? 0)
            return .popup(PickerPopup(picker) { [self] index in
                filter = Filter.choices[index]
                table.setCount(entries.count)
                table.select(0)
                return .stay
            })
        case .back: return .pop
        default: break
        }
        return .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let youth = editor.youth
        let session = editor.session
        let today = session.today
        let limit = session.store.settings.contactDays
        var heading = "\(youth.name)  ·  Contactjournaal: \(youth.journal.count) \(youth.journal.count == 1 ? "regel" : "regels")"
        if filter != .all { heading += "  ·  filter: \(filter.label) (/ wijzigt)" }
        canvas.put(heading, row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        let late = youth.lastContact != nil && youth.isOutOfContact(limit: limit, today: today)
        let future = youth.lastContact.map { $0 > today } ?? false
        let status = youth.lastContact.map { "Laatste contact \(Wording.lastContact($0, today: today))" + (late ? ": langer dan \(limit) dagen" : "") }
            ?? "Nog geen contact."

        canvas.put(status, row: area.row + 1, col: 2, style: late || future ? .warning : .dim, maxWidth: area.width - 4)
        let shown = entries
        table.render(into: &canvas, count: shown.count, row: { index in
            let entry = shown[index]
            let report = Form.oneLine(entry.text)
            let who = entry.present.isEmpty ? "" : " (met \(entry.present))"
            return Table.Row([entry.date.text, entry.kind.short, JournalEntry.durationText(entry.minutes),
                              entry.principles.map(\.short).joined(separator: ", "), report],
                             style: entry.kind.isContact ? .normal : .dim,
                             full: "\(entry.date.text) \(entry.kind.label)\(who): \(report.isEmpty ? "–" : report)"
                                + (entry.principles.isEmpty ? "" : " · " + entry.principles.map(\.label).joined(separator: ", ")))
        }, empty: filter == .all ? "Nog geen contacten. Druk op n (of g op elk scherm van de jongere) om er een te noteren."
                                 : "Geen contacten voor dit filter; / kiest een ander.", note: error.map { ($0, .error) })
    }
}
