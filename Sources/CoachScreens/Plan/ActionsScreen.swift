import Caseload
import TerminalKit

/// The actions of one youth: open ones first, soonest due on top, overdue ones marked in text
/// and colour; done and cancelled ones below. New, open to change who and when, tick off. Opened
/// from a meeting's agreements it shows the actions agreed there, and can add existing ones.
final class ActionsScreen: Screen, OfOneYouth {
    let kind: ScreenKind
    let title = "Acties"
    let editor: YouthEditor
    /// When set, only the actions agreed in this meeting, and new ones are agreed in it.
    private let meetingID: String?
    private var table = Table(columns: [.init("", width: 3), .init("Deadline", width: 18, minimum: 18), .init("Wie", width: 18, minimum: 8),
                                        .init("Wat", width: 30, minimum: 12)], detailLines: 3)
    private var error: String?

    init(editor: YouthEditor, meetingID: String? = nil) {
        self.editor = editor
        self.meetingID = meetingID
        kind = meetingID == nil ? .actions : .agreedActions
        table.setCount(actions.count)
    }


    private var actions: [CaseAction] {
        editor.youth.actionsInOrder.filter { meetingID == nil || $0.meetingID == meetingID }
    }

    func willAppear() { table.setCount(actions.count) }
    func resize(to area: Rect) { table.resize(to: Rect(row: area.row + 2, col: area.col, width: area.width, height: area.height - 2)) }

    func handle(_ key: Key) -> Navigation {
        table.setCount(actions.count)
        // A key that does nothing leaves the message standing.
        guard let command = bindings.action(for: key) else { return .stay }
        error = nil
        switch command {
        case .move: _ = table.handle(key)
        case .new: return .push(ActionFormScreen.make(editor: editor, actionID: nil, meetingID: meetingID))
        case .open:
            guard let action = selected else { break }
            return .push(ActionFormScreen.make(editor: editor, actionID: action.id))
        case .markDone, .markCancelled:
            guard let action = selected else { break }
            let target: ActionStatus = command == .markDone ? .done : .cancelled
            return ActionClosing.toggle(action, to: target, editor: editor) { [self] failure in
                error = failure
                // Keep the same action selected though the order changed.
                table.setCount(actions.count)
                table.select(actions.firstIndex { $0.id == action.id } ?? table.selected)
            }
        case .remove where canRemove:
            guard let action = selected else { break }
            return remove(action)
        case .agreeExisting:
            // Open actions of the plan not yet agreed in a meeting (one meeting per action).
            let candidates = editor.youth.actionsInOrder.filter { $0.status == .open && $0.meetingID == nil }
            if candidates.isEmpty {
                error = "Er zijn geen open acties die nog niet in een overleg zijn afgesproken."
            } else {
                let picker = Picker(title: "Bestaande actie afspreken", options: candidates.map { "\($0.what) (\(editor.youth.ownerName($0.owner)))" })
                return .popup(PickerPopup(picker) { [self] index in agree(candidates[index].id) })
            }
        case .back: return .pop
        default: break
        }
        return .stay
    }

    /// Marks an existing open action as agreed in this meeting.
    private func agree(_ actionID: String) -> Navigation {
        guard var action = editor.youth.actions.first(where: { $0.id == actionID }) else {
            error = "Deze actie bestaat niet meer."
            return .stay
        }
        action.meetingID = meetingID
        error = editor.apply { $0.save(action) }
        table.setCount(actions.count)
        table.select(actions.firstIndex { $0.id == action.id } ?? table.selected)
        return .stay
    }

    private var selected: CaseAction? { actions.indices.contains(table.selected) ? actions[table.selected] : nil }

    /// Removal works on a selected action of a youth that can be saved; only then is its key named.
    private var canRemove: Bool { selected != nil && editor.isWritable }
    /// Open, tick off and cancel only with an action selected; x or c on an action already done or
    /// cancelled reopens it, and is named so.
    var bindings: [KeyBinding] {
        let rows = keyRows(canRemove: canRemove).dropping(.open, .markDone, .markCancelled, when: selected == nil)
        switch selected?.status {
        case .done: return rows.naming(.markDone, "heropen", help: "De gekozen actie, gedaan, weer open zetten")
        case .cancelled: return rows.naming(.markCancelled, "heropen", help: "De gekozen actie, vervallen, weer open zetten")
        default: return rows
        }
    }

    /// Asks before removing, naming the action and what goes with it; a rule that forbids it
    /// (agreed in an earlier meeting) is said at once.
    private func remove(_ action: CaseAction) -> Navigation {
        let youth = editor.youth
        var follows = "Ze verdwijnt uit de acties"
        if let meeting = youth.meetings.first(where: { $0.id == action.meetingID }) {
            follows += " en uit de afspraken van het overleg van \(meeting.date.text)"
        }
        if youth.meetings.contains(where: { $0.agenda.contains { $0.source == .action(action.id) } }) {
            follows += "; een agendapunt erover blijft staan als eigen punt"
        }
        let removal = Removal(title: "Actie verwijderen",
                              question: "Actie \(Wording.quoted(action.what)) (\(youth.ownerName(action.owner))) verwijderen? \(follows). "
                                  + "Een actie die niet doorgaat, laat u beter vervallen.",
                              change: { [today = editor.session.today] youth throws(InputError) in try youth.remove(actionID: action.id, today: today) })
        return removal.ask(editor) { [self] failure in
            error = failure
            table.setCount(actions.count)
        }
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let youth = editor.youth
        let today = editor.session.today
        let all = actions
        let overdue = all.filter { $0.isOverdue(on: today) }.count
        let open = all.filter { $0.status == .open }.count
        var heading = "\(youth.name)  ·  \(meetingID == nil ? "Acties" : "Afgesproken acties"): \(open) open"
        if overdue > 0 { heading += ", \(overdue) te laat" }
        canvas.put(heading, row: area.row, col: 2, style: overdue > 0 ? .warning : .heading, maxWidth: area.width - 4)
        table.render(into: &canvas, rows: all.map { action in
            let late = action.isOverdue(on: today)
            let box = action.status == .done ? "[x]" : action.status == .cancelled ? "[-]" : "[ ]"
            let owner = youth.ownerName(action.owner)
            return Table.Row([box, (action.due?.text ?? "–") + (late ? " TE LAAT" : ""), owner, action.what],
                             style: action.status == .open ? .normal : .dim, cellStyles: [nil, late ? .error : nil],
                             full: "\(action.what) (\(owner))",
                             detail: action.closedOn.map { "\(action.status == .done ? "Gedaan" : "Vervallen") op \($0.text)" })
        }, empty: meetingID == nil ? "Nog geen acties. Druk op n voor een nieuwe actie."
                                   : "Nog geen afgesproken acties. n maakt een nieuwe, b kiest een bestaande uit het plan.",
                     note: error.map { ($0, .error) })
    }
}

/// The form of one action: what, who, deadline, status. Built on RecordFormScreen.
enum ActionFormScreen {
    /// The id of the action the form edits; nil for a new one until its "what" is confirmed.
    private final class ActionRef {
        var id: String?
        init(_ id: String?) { self.id = id }
    }

    /// The form of an existing action, or (`actionID` nil) a new one in one form: it opens with
    /// "what" ready for typing, Tab leads to who and the deadline. The action exists, and is saved,
    /// from the moment its "what" is confirmed; `meetingID` marks it agreed in that meeting.
    static func make(editor: YouthEditor, actionID: String?, meetingID: String? = nil) -> RecordFormScreen {
        let session = editor.session
        let ref = ActionRef(actionID)
        func action() -> CaseAction? { ref.id.flatMap { id in editor.youth.actions.first { $0.id == id } } }
        func update(_ change: (inout CaseAction) throws(InputError) -> Void) -> String? {
            guard var current = action() else {
                return ref.id == nil ? "Vul eerst in wat er moet gebeuren." : "Deze actie bestaat niet meer."
            }
            do { try change(&current) } catch { return error.message }
            return editor.apply { $0.save(current) }
        }
        func setWhat(_ text: String) -> String? {
            guard ref.id == nil else {
                return update { a throws(InputError) in a.what = try Youth.validName(text, field: "Wat er moet gebeuren") }
            }
            do {
                let created = try CaseAction(what: text, owner: .coach, due: nil, created: session.today, meetingID: meetingID)
                if let failure = editor.apply({ $0.save(created) }) { return failure }
                ref.id = created.id
                return nil
            } catch {
                return error.message
            }
        }
        // Who can carry out an action: the youth, the coach, anyone in the network or professionals.
        func owners() -> [ActionOwner] { [.youth, .coach] + editor.youth.people.map { .person($0.id) } }
        func ownerLabel(_ owner: ActionOwner) -> String {
            switch owner {
            case .youth: "\(editor.youth.name) (de jongere)"
            case .coach: "coach"
            case .person(let id):
                editor.youth.person(id).map { "\($0.name)\($0.relation.isEmpty ? "" : " (\($0.relation))")" } ?? "(onbekend)"
            }
        }
        return RecordFormScreen(editor: editor, title: "Actie", heading: "\(editor.youth.name)  ·  \(ref.id == nil ? "Nieuwe actie" : "Actie")", startsTyping: actionID == nil, fields: [
            .init(label: "Wat", value: { action()?.what ?? "" }, edit: .text(commit: setWhat)),
            .init(label: "Wie", value: { action().map { ownerLabel($0.owner) } ?? "" }, edit: .choice(
                options: { owners().map(ownerLabel) },
                selected: { action().flatMap { owners().firstIndex(of: $0.owner) } ?? 0 },
                commit: { index in update { $0.owner = owners()[index] } })),
            .init(label: "Deadline (dd-mm-jjjj)", value: { action()?.due?.text ?? "" }, edit: .date { day in
                update { $0.due = day }
            }),
            .init(label: "Status", value: { action()?.status.label ?? "" }, edit: .choice(
                options: { ActionStatus.allCases.map(\.label) },
                selected: { action().flatMap { ActionStatus.allCases.firstIndex(of: $0.status) } ?? 0 },
                commit: { index in update { $0.setStatus(ActionStatus.allCases[index], on: session.today) } })),
            // The day it was done or cancelled: today when the status is chosen, corrected here.
            .init(label: "Afgerond op (dd-mm-jjjj)", value: { action()?.closedOn?.text ?? "" }, edit: .date(optional: false) { day in
                update { a throws(InputError) in
                    guard a.status != .open, let day else { throw InputError("Een open actie is nog niet afgerond; kies eerst gedaan of vervallen.") }
                    try a.close(as: a.status, on: day, today: session.today)
                }
            }),
        ])
    }
}
