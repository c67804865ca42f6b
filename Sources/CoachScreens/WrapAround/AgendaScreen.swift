import Caseload
import TerminalKit

/// The agenda of a meeting: drafted from the plan, with free items, in an order the coach sets,
/// and notes per item written during the meeting (kept as a draft while typed).
final class AgendaScreen: Screen, OfOneYouth {
    private enum Mode {
        case browsing
        case writing(TextFlow)
    }

    let kind = ScreenKind.agenda
    let title = "Agenda"
    let editor: YouthEditor
    private let meetingID: String
    /// The selected item is shown in full under the list, above its notes.
    /// The notes mark has a column of its own before the text, so a long item cut off with "…" keeps it.
    private var table = Table(columns: [.init("", width: 1), .init("Agendapunt", width: 200, minimum: 10)], detailLines: 0)
    private static let titleLines = 2
    private var mode = Mode.browsing
    private var message: (text: String, style: Style)?
    private var area = Rect(row: 1, col: 0, width: 80, height: 22)

    /// Opens the agenda; with a draft of an item's notes, opens those notes with the draft's text.
    init(editor: YouthEditor, meetingID: String, resuming draft: Draft? = nil) {
        self.editor = editor
        self.meetingID = meetingID
        table.setCount(meeting?.agenda.count ?? 0)
        if let draft, case .agendaNotes(meetingID, let itemID)? = draft.key,
           let index = meeting?.agenda.firstIndex(where: { $0.id == itemID }), let item = meeting?.agenda[index] {
            table.select(index)
            mode = .writing(flow(for: item, resuming: draft.text))
            message = ("Concept van \(editor.session.dateTime(draft.saved)) teruggezet; Tab bevestigt.", .warning)
        }
    }

    /// The notes area takes the lower half of the screen while the coach writes.
    func resize(to area: Rect) {
        self.area = area
        layOut()
    }

    private var writing: Bool {
        if case .writing = mode { return true }
        return false
    }

    /// The list of items gets the whole area, or the upper half while the coach writes notes.
    private func layOut() {
        table.resize(to: Rect(row: area.row + 1, col: area.col, width: area.width, height: Self.listHeight(writing: writing, in: area) + 1))
    }

    private var notesSize: (width: Int, height: Int) {
        (max(2, area.width - 4), max(1, area.height - Self.listHeight(writing: true, in: area) - 4 - Self.titleLines))
    }

    /// The list's rows: half the area while writing notes, else two thirds, so that the selected
    /// item's notes show under it.
    private static func listHeight(writing: Bool, in area: Rect) -> Int { max(3, (area.height - 4) * (writing ? 1 : 2) / (writing ? 2 : 3)) }

    /// The notes of the selected item in the flow of writing (Tab confirms and opens the next
    /// item's notes), from its draft when one is kept (offered back, or kept for later).
    private func flow(for item: AgendaItem, resuming draft: String? = nil) -> TextFlow {
        let writer = TextEditor(youthID: editor.youth.id, field: .agendaNotes(meetingID: meetingID, itemID: item.id), text: item.notes,
                                resuming: draft, keptIn: editor.session.store, tabLabel: "bevestig, volgende")
        if let restored = writer.restored { message = (TextEditor.restoredNotice(restored, session: editor.session), .warning) }
        return TextFlow(writer, row: table.selected, of: meeting?.agenda.count ?? 0)
    }

    private var meeting: WrapAroundMeeting? { editor.youth.meetings.first { $0.id == meetingID } }
    private var item: AgendaItem? { meeting.flatMap { $0.agenda.indices.contains(table.selected) ? $0.agenda[table.selected] : nil } }

    var capturesKeys: Bool { writing }

    /// Removal works on a selected item of a youth that can be saved; only then is its key named.
    private var canRemove: Bool { item != nil && editor.isWritable }

    var bindings: [KeyBinding] {
        switch mode {
        case .browsing:
            // Notes and moving only on a selected item, and only where it can move.
            keyRows(canRemove: canRemove).dropping(.edit, .moveItemUp, .moveItemDown, when: item == nil)
                .dropping(.moveItemUp, when: table.selected == 0)
                .dropping(.moveItemDown, when: table.selected >= (meeting?.agenda.count ?? 0) - 1)
        case .writing(let flow): flow.bindings
        }
    }

    /// Asks before removing, naming the item and its notes; the draft of its notes goes with it.
    private func remove(_ item: AgendaItem) -> Navigation {
        let notes = item.notes.isEmpty ? "" : ", met de notities erbij"
        let removal = Removal(title: "Agendapunt verwijderen",
                              question: "Agendapunt \(Wording.quoted(item.title)) verwijderen? Het verdwijnt van de agenda van dit overleg\(notes).",
                              drafts: [.agendaNotes(meetingID: meetingID, itemID: item.id)],
                              change: { [meetingID] youth throws(InputError) in try youth.remove(agendaItemID: item.id, fromMeeting: meetingID) })
        return removal.ask(editor) { [self] failure in
            message = failure.map { ($0, .error) }
            table.setCount(meeting?.agenda.count ?? 0)
            layOut()
        }
    }

    func handle(_ key: Key) -> Navigation {
        defer { layOut() }
        guard var meeting else { return .pop }
        switch mode {
        case .browsing:
            // A key that does nothing leaves the message standing.
            guard let command = bindings.action(for: key) else { return .stay }
            message = nil
            switch command {
            case .move: _ = table.handle(key)
            case .new:
                return .popup(PromptPopup(Prompt(title: "Nieuw agendapunt", question: "Een eigen punt voor de agenda van dit overleg.",
                                                 label: "Punt:", enterLabel: "voeg toe"), submitted: addItem))
            case .edit: if let item { mode = .writing(flow(for: item)) }
            case .moveItemUp, .moveItemDown:
                let moved = meeting.moveAgendaItem(at: table.selected, by: command == .moveItemUp ? -1 : 1)
                if save(meeting) { table.select(moved) }
            case .remove where canRemove:
                if let item { return remove(item) }
            case .openActions: return .push(ActionsScreen(editor: editor))
            case .back: return .pop
            default: break
            }
        case .writing(var flow):
            guard item != nil else { return .stay }
            let (step, failure) = flow.write(key, size: notesSize, session: editor.session) { [self] text in
                do throws(InputError) {
                    meeting.agenda[table.selected].notes = try ChangePlan.validText(text)
                } catch {
                    return error.message
                }
                return editor.apply { $0.save(meeting) }
            }
            mode = .writing(flow)
            message = flow.message(after: failure, standing: message)
            switch step {
            case .writing: break
            case .stopped:
                message = nil
                mode = .browsing
            case .open(let row):
                message = nil
                table.select(row)
                if let item { mode = .writing(self.flow(for: item)) }
            }
        }
        return .stay
    }

    private func addItem(_ title: String) -> PromptPopup.Reply {
        guard var meeting else { return .done(.pop) }
        do {
            meeting.agenda.append(AgendaItem(title: try Youth.validName(title, field: "Een agendapunt"), source: .free))
        } catch {
            return .refuse(error.message)
        }
        guard save(meeting) else { return .refuse(message?.text ?? "Niet opgeslagen.") }
        table.setCount(meeting.agenda.count)
        table.select(meeting.agenda.count - 1)
        return .done(.stay)
    }

    private func save(_ meeting: WrapAroundMeeting) -> Bool {
        if let failure = editor.apply({ $0.save(meeting) }) {
            message = (failure, .error)
            return false
        }
        return true
    }

    func render(into canvas: inout Canvas, area: Rect) {
        guard let meeting else { return }
        canvas.put("\(editor.youth.name)  ·  Agenda overleg \(meeting.date.text)", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        let writing: TextFlow? = if case .writing(let flow) = mode { flow } else { nil }
        let listHeight = Self.listHeight(writing: writing != nil, in: area)
        table.render(into: &canvas, rows: meeting.agenda.enumerated().map { index, entry in
            Table.Row([entry.notes.isEmpty ? "" : "✎", "\(index + 1). \(entry.title)"])
        }, empty: "Nog geen agendapunten. Druk op n voor een eigen punt.")
        if let item, let index = meeting.agenda.firstIndex(where: { $0.id == item.id }) {
            renderSelected(item, number: index + 1, below: area.row + 2 + listHeight + 1, writing: writing, into: &canvas, area: area)
        }
        if let message { canvas.putAbove(message.text, bottomRow: area.row + area.height - 1, col: 2, width: area.width - 4, style: message.style) }

    }

    /// Under the list: the selected item in full (two lines at most), then its notes or the notes being written.
    private func renderSelected(_ item: AgendaItem, number: Int, below: Int, writing: TextFlow?, into canvas: inout Canvas, area: Rect) {
        let title = Glyphs.wrap("\(number). \(item.title)", width: area.width - 4, maxLines: Self.titleLines)
        for (offset, line) in title.enumerated() {
            canvas.put(line, row: below + offset, col: 2, style: .heading, maxWidth: area.width - 4)
        }
        let notesTop = below + Self.titleLines
        if let writing {
            writing.render(into: &canvas, rect: Rect(row: notesTop, col: 2, width: notesSize.width, height: notesSize.height))
        } else if !item.notes.isEmpty, notesTop < area.row + area.height - 1 {
            // As many lines as fit; the last ends in "…" when more follow.
            let lines = Glyphs.wrap(item.notes, width: area.width - 6, maxLines: area.row + area.height - 1 - notesTop)
            for (offset, line) in lines.enumerated() {
                canvas.put(line, row: notesTop + offset, col: 4, style: .dim, maxWidth: area.width - 6)
            }
        }
    }
}
