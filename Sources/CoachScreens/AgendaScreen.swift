import Caseload
import TerminalKit

/// The agenda of a meeting: drafted from the plan, with free items, in an order the coach sets,
/// and notes per item written during the meeting (kept as a draft while typed).
final class AgendaScreen: Screen {
    private enum Mode {
        case browsing
        case writing(TextEditor)
    }

    let kind = ScreenKind.agenda
    let title = "Agenda"
    private let editor: YouthEditor
    private let meetingID: String
    private var list = ListState()
    private var mode = Mode.browsing
    private var message: (text: String, style: Style)?
    private var areaSize = (width: 76, height: 10)

    /// Opens the agenda; with a draft of an item's notes, opens those notes with the draft's text.
    init(editor: YouthEditor, meetingID: String, resuming draft: Draft? = nil) {
        self.editor = editor
        self.meetingID = meetingID
        list.setCount(meeting?.agenda.count ?? 0)
        if let draft, case .agendaNotes(meetingID, let itemID)? = draft.key,
           let index = meeting?.agenda.firstIndex(where: { $0.id == itemID }), let item = meeting?.agenda[index] {
            list.select(index)
            mode = .writing(writer(for: item, resuming: draft.text))
            message = ("Concept van \(editor.session.dateTime(draft.saved)) teruggezet; Tab bevestigt.", .warning)
        }
    }

    /// The notes area takes the lower half of the screen while the coach writes.
    func resize(to area: Rect) {
        areaSize = (max(2, area.width - 4), max(1, area.height - Self.listHeight(writing: true, in: area) - 5))
    }

    private static func listHeight(writing: Bool, in area: Rect) -> Int { writing ? max(3, (area.height - 4) / 2) : area.height - 4 }

    private func writer(for item: AgendaItem, resuming draft: String? = nil) -> TextEditor {
        TextEditor(youthID: editor.youth.id, field: .agendaNotes(meetingID: meetingID, itemID: item.id), text: item.notes,
                   resuming: draft, tabLabel: "bevestig")
    }

    private var meeting: WrapAroundMeeting? { editor.youth.meetings.first { $0.id == meetingID } }
    private var item: AgendaItem? { meeting.flatMap { $0.agenda.indices.contains(list.selected) ? $0.agenda[list.selected] : nil } }

    var capturesKeys: Bool {
        if case .browsing = mode { return false }
        return true
    }

    var bindings: [KeyBinding] {
        switch mode {
        case .browsing: KeyTable.bindings(for: kind)
        case .writing(let writer): writer.bindings
        }
    }

    func handle(_ key: Key) -> Navigation {
        guard var meeting else { return .pop }
        switch mode {
        case .browsing:
            message = nil
            switch KeyTable.action(for: key, on: kind) {
            case .move: _ = list.handle(key, pageSize: 10)
            case .new:
                return .popup(PromptPopup(Prompt(title: "Nieuw agendapunt", question: "Een eigen punt voor de agenda van dit overleg.",
                                                 label: "Punt:", enterLabel: "voeg toe"), submitted: addItem))
            case .edit: if let item { mode = .writing(writer(for: item)) }
            case .moveItemUp, .moveItemDown:
                let moved = meeting.moveAgendaItem(at: list.selected, by: KeyTable.action(for: key, on: kind) == .moveItemUp ? -1 : 1)
                if save(meeting) { list.select(moved) }
            case .remove:
                guard let item else { break }
                let question = Confirm(title: "Verwijderen", question: "Agendapunt \"\(item.title)\" verwijderen?", yes: "ja, verwijder")
                return .popup(ConfirmPopup(question) { [self] answer in
                    guard answer == .yes, var current = self.meeting, let index = current.agenda.firstIndex(where: { $0.id == item.id }) else {
                        return .stay
                    }
                    current.agenda.remove(at: index)
                    if save(current) { list.setCount(current.agenda.count) }
                    return .stay
                })
            case .openActions: return .push(ActionsScreen(editor: editor))
            case .back: return .pop
            default: break
            }
        case .writing(var writer):
            guard item != nil else { return .stay }
            let (step, failure) = writer.write(key, size: areaSize, session: editor.session) { [self] text in
                do throws(InputError) {
                    meeting.agenda[list.selected].notes = try ChangePlan.validText(text)
                } catch {
                    return error.message
                }
                return editor.apply { $0.save(meeting) }
            }
            mode = .writing(writer)
            if let failure { message = (failure, .error) } else if message?.style == .error { message = nil }
            // Tab and Shift-Tab close the notes; Ctrl-S keeps the coach writing.
            if case .closed = step {
                message = nil
                mode = .browsing
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
        list.setCount(meeting.agenda.count)
        list.select(meeting.agenda.count - 1)
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
        let writing: TextEditor? = if case .writing(let writer) = mode { writer } else { nil }
        let listHeight = Self.listHeight(writing: writing != nil, in: area)
        for (line, index) in list.visibleRange(height: listHeight).enumerated() {
            let entry = meeting.agenda[index]
            let style: Style = index == list.selected ? .selected : .normal
            let notes = entry.notes.isEmpty ? "" : "  ✎"
            canvas.put("\(index + 1). \(entry.title)\(notes)", row: area.row + 2 + line, col: 2, style: style, padTo: area.width - 4)
        }
        let below = area.row + 2 + listHeight + 1
        if let writing, let item {
            canvas.put("Notities bij: \(item.title)", row: below, col: 2, style: .heading, maxWidth: area.width - 4)
            let rect = Rect(row: below + 1, col: 2, width: area.width - 4, height: area.row + area.height - below - 2)
            writing.render(into: &canvas, rect: rect)
        } else if let item, !item.notes.isEmpty, below < area.row + area.height - 1 {
            // The notes of the selected item, as many lines as fit; the last ends in "…" when more follow.
            let room = area.row + area.height - 1 - below
            var lines = Glyphs.wrap(item.notes, width: area.width - 6)
            if lines.count > room { lines = Array(lines.prefix(room - 1)) + [Glyphs.truncate(lines[(room - 1)...].joined(separator: " "), to: area.width - 6)] }
            for (offset, line) in lines.enumerated() {
                canvas.put(line, row: below + offset, col: 4, style: .dim, maxWidth: area.width - 6)
            }
        }
        if let message { canvas.putAbove(message.text, bottomRow: area.row + area.height - 1, col: 2, width: area.width - 4, style: message.style) }

    }
}
