import Caseload
import TerminalKit

/// The agenda of a meeting: drafted from the plan, with free items, in an order the coach sets,
/// and notes per item written during the meeting (kept as a draft while typed).
final class AgendaScreen: Screen {
    private enum Mode {
        case browsing
        case naming(TextField)
        case writing(TextArea)
        case confirmingRemoval(Confirm)
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
        if let draft, let index = meeting?.agenda.firstIndex(where: { Self.field(meetingID, $0.id) == draft.field }) {
            list.select(index)
            mode = .writing(TextArea(draft.text))
            message = ("Concept van \(editor.session.dateTime(draft.saved)) teruggezet; Tab bevestigt.", .warning)
        }
    }

    static func field(_ meetingID: String, _ itemID: String) -> String { "meeting.\(meetingID).\(itemID)" }

    private var meeting: WrapAroundMeeting? { editor.youth.meetings.first { $0.id == meetingID } }
    private var item: AgendaItem? { meeting.flatMap { $0.agenda.indices.contains(list.selected) ? $0.agenda[list.selected] : nil } }

    var capturesKeys: Bool {
        if case .browsing = mode { return false }
        return true
    }

    var bindings: [KeyBinding] {
        switch mode {
        case .browsing: KeyTable.bindings(for: kind)
        case .naming: ComponentKeys.prompt(enterLabel: "voeg toe")
        case .writing: ComponentKeys.textEditor(tabLabel: "bevestig")
        case .confirmingRemoval(let confirm): confirm.bindings
        }
    }

    func handle(_ key: Key) -> Navigation {
        guard var meeting else { return .pop }
        switch mode {
        case .browsing:
            message = nil
            switch KeyTable.action(for: key, on: kind) {
            case .move: _ = list.handle(key, pageSize: 10)
            case .new: mode = .naming(TextField())
            case .edit: if let item { mode = .writing(TextArea(item.notes)) }
            case .moveItemUp, .moveItemDown:
                let moved = meeting.moveAgendaItem(at: list.selected, by: KeyTable.action(for: key, on: kind) == .moveItemUp ? -1 : 1)
                if save(meeting) { list.select(moved) }
            case .remove:
                if let item {
                    mode = .confirmingRemoval(Confirm(title: "Verwijderen", question: "Agendapunt \"\(item.title)\" verwijderen?",
                                                      yes: "ja, verwijder"))
                }
            case .openActions: return .push(ActionsScreen(editor: editor))
            case .back: return .pop
            default: break
            }
        case .naming(let field):
            switch FieldEdit.handle(key, field) {
            case .editing(let edited): mode = .naming(edited)
            case .cancelled: mode = .browsing
            case .confirmed(let text, _):
                do {
                    meeting.agenda.append(AgendaItem(title: try Youth.validName(text, field: "Een agendapunt"), source: .free))
                    if save(meeting) {
                        list.setCount(meeting.agenda.count)
                        list.select(meeting.agenda.count - 1)
                        mode = .browsing
                    }
                } catch {
                    message = (error.message, .error)
                }
            }
        case .writing(var area):
            guard let item else { return .stay }
            let field = Self.field(meetingID, item.id)
            switch key {
            case .escape:
                editor.session.store.removeDraft(youthID: editor.youth.id, field: field)
                mode = .browsing
            case .tab, .backTab, .ctrl("s"):
                do {
                    let notes = try ChangePlan.validText(area.text)
                    meeting.agenda[list.selected].notes = notes
                    if save(meeting) {
                        editor.session.store.removeDraft(youthID: editor.youth.id, field: field)
                        // Ctrl-S keeps the coach writing; Tab and Shift-Tab close the notes.
                        mode = key == .ctrl("s") ? .writing(area) : .browsing
                        message = nil
                    }
                } catch {
                    message = (error.message, .error)
                }
            default:
                if area.handle(key, width: areaSize.width, height: areaSize.height) == .changed {
                    try? editor.session.store.saveDraft(Draft(youthID: editor.youth.id, field: field, text: area.text, saved: editor.session.now))
                }
                mode = .writing(area)
            }
        case .confirmingRemoval(let confirm):
            switch confirm.answer(for: key) {
            case .yes:
                meeting.agenda.remove(at: list.selected)
                if save(meeting) { list.setCount(meeting.agenda.count) }
                mode = .browsing
            case .no: mode = .browsing
            case nil: break
            }
        }
        return .stay
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
        list.setCount(meeting.agenda.count)
        let writing: TextArea? = if case .writing(let area) = mode { area } else { nil }
        let listHeight = writing == nil ? area.height - 4 : max(3, (area.height - 4) / 2)
        for (line, index) in list.visibleRange(height: listHeight).enumerated() {
            let entry = meeting.agenda[index]
            let style: Style = index == list.selected ? .selected : .normal
            let notes = entry.notes.isEmpty ? "" : "  ✎"
            canvas.put("\(index + 1). \(entry.title)\(notes)", row: area.row + 2 + line, col: 2, style: style, padTo: area.width - 4)
        }
        let below = area.row + 2 + listHeight + 1
        if var writing, let item {
            canvas.put("Notities bij: \(item.title)", row: below, col: 2, style: .heading, maxWidth: area.width - 4)
            let rect = Rect(row: below + 1, col: 2, width: area.width - 4, height: area.row + area.height - below - 2)
            areaSize = (rect.width, rect.height)
            writing.render(into: &canvas, rect: rect, style: .editing)
            mode = .writing(writing)
        } else if let item, !item.notes.isEmpty, below < area.row + area.height - 1 {
            for (offset, line) in Glyphs.wrap(item.notes, width: area.width - 6).prefix(area.row + area.height - 1 - below).enumerated() {
                canvas.put(line, row: below + offset, col: 4, style: .dim, maxWidth: area.width - 6)
            }
        }
        if let message { canvas.putAbove(message.text, bottomRow: area.row + area.height - 1, col: 2, width: area.width - 4, style: message.style) }
        if case .naming(let field) = mode {
            let box = area.centered(width: min(64, area.width - 4), height: 6)
            canvas.box(box, title: "Nieuw agendapunt")
            field.render(into: &canvas, row: box.row + 2, col: box.col + 2, width: box.width - 4)
        } else if case .confirmingRemoval(let confirm) = mode {
            confirm.render(into: &canvas)
        }
    }
}
