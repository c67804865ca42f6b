import Caseload
import TerminalKit

/// A youth's escalations to the gemeentelijk or landelijk IPTA-overleg, oldest first: when raised,
/// before which overleg, what blocks, the question, and whether it is answered. Open ones waiting
/// longer than the coach's threshold are marked "!" and say so. Under the table the selected one's
/// question and answer in full. n raises a new one, Enter opens one, d removes one after asking.
final class EscalationsScreen: Screen, OfOneYouth {
    let kind = ScreenKind.escalations
    let title = "Escalaties"
    let editor: YouthEditor
    private var table = Table(columns: [.init("Gesteld op", width: 10), .init("Overleg", width: 12, minimum: 9), .init("Status", width: 24, minimum: 16),
                                        .init("Wat blokkeert", width: 20, minimum: 8), .init("Vraag", width: 60, minimum: 10)], detailLines: 3)
    private var error: String?

    init(editor: YouthEditor) {
        self.editor = editor
        table.setCount(escalations.count)
    }

    private var escalations: [Escalation] { editor.youth.escalationsInOrder }
    private var selected: Escalation? { escalations.indices.contains(table.selected) ? escalations[table.selected] : nil }
    private var threshold: Int { editor.session.store.settings.escalationWeeks }

    /// Removal works on a selected escalation of a youth that can be saved; only then is its key named.
    private var canRemove: Bool { selected != nil && editor.isWritable }
    /// Enter opens only a selected row: on an empty list it is not named.
    var bindings: [KeyBinding] { keyRows(canRemove: canRemove).dropping(.open, when: selected == nil) }

    func willAppear() { table.setCount(escalations.count) }

    /// The table takes the area under two heading lines, half of it for the selected escalation's
    /// question and answer.
    func resize(to area: Rect) {
        table.resize(to: Rect(row: area.row + 2, col: area.col, width: area.width, height: area.height - 2), halfForDetail: escalations.count)
    }

    func handle(_ key: Key) -> Navigation {
        // A key that does nothing leaves the message standing.
        guard let command = bindings.action(for: key) else { return .stay }
        error = nil
        switch command {
        case .move: _ = table.handle(key)
        case .new: return .push(EscalationForm.make(editor: editor, escalationID: nil))
        case .open:
            if let escalation = selected { return .push(EscalationForm.make(editor: editor, escalationID: escalation.id)) }
        case .remove where canRemove:
            if let escalation = selected { return remove(escalation) }
        case .back: return .pop
        default: break
        }
        return .stay
    }

    /// Asks before removing, naming the escalation: for one entered by mistake (an answered one
    /// stays, with its answer, as part of the case).
    private func remove(_ escalation: Escalation) -> Navigation {
        let removal = Removal(title: "Escalatie verwijderen",
                              question: "Escalatie van \(escalation.raisedOn.text) aan het \(escalation.level.label) \(Wording.quoted(escalation.question)) "
                                  + "verwijderen? Ze verdwijnt uit het dossier, met het antwoord. Een beantwoorde escalatie laat u beter staan.",
                              change: { youth throws(InputError) in try youth.remove(escalationID: escalation.id) })
        return removal.ask(editor) { [self] failure in
            error = failure
            table.setCount(escalations.count)
        }
    }

    /// "open", "open, 9 wk (te lang)" past the threshold, or "beantwoord op 01-02" (the year
    /// when it is far from today): short, so that it fits its column at 80 columns.
    static func status(_ escalation: Escalation, weeks: Int, today: LocalDate) -> String {
        if let answered = escalation.answeredOn { return "beantwoord op \(answered.shortText(near: today))" }
        let open = escalation.weeksOpen(today: today)
        return escalation.waitsTooLong(weeks: weeks, today: today) ? "open, \(open) wk (te lang)" : "open"
    }

    /// Under the heading of a list with open escalations: how many wait too long (they are on the
    /// weekly review, marked "!"), or else when one will.
    static func putWaitingLine(late: Int, weeks: Int, row: Int, width: Int, into canvas: inout Canvas) {
        canvas.put(late > 0 ? "! \(late) langer dan \(weeks) weken zonder antwoord: op de weekbespreking"
                            : "Na \(weeks) weken zonder antwoord komt een escalatie op de weekbespreking.",
                   row: row, col: 2, style: late > 0 ? .warning : .dim, maxWidth: width - 4)
    }

    /// The selected escalation in full: the question, what blocks, the answer.
    static func details(_ escalation: Escalation) -> String {
        var text = "Vraag: \(escalation.question)  ·  Blokkeert: \(escalation.block.label)"
        if !escalation.blockDetail.isEmpty { text += " (\(escalation.blockDetail))" }
        if !escalation.answer.isEmpty {
            text += "  ·  Antwoord\(escalation.answeredOn.map { " van \($0.text)" } ?? ""): \(escalation.answer)"
        } else if let answered = escalation.answeredOn {
            text += "  ·  Beantwoord op \(answered.text), zonder tekst"
        }
        return text
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let youth = editor.youth
        let today = editor.session.today
        let weeks = threshold
        let all = escalations
        let open = all.filter(\.isOpen)
        let late = open.filter { $0.waitsTooLong(weeks: weeks, today: today) }.count
        let count = all.isEmpty ? "" : ": \(open.count) open van \(all.count)"
        canvas.put("\(youth.name)  ·  Escalaties naar het IPTA-overleg\(count)", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        if !open.isEmpty { Self.putWaitingLine(late: late, weeks: weeks, row: area.row + 1, width: area.width, into: &canvas) }
        table.render(into: &canvas, count: all.count, row: { index in
            let escalation = all[index]
            let tooLong = escalation.waitsTooLong(weeks: weeks, today: today)
            return Table.Row([escalation.raisedOn.text, escalation.level.short, Self.status(escalation, weeks: weeks, today: today),
                              escalation.block.label, Form.oneLine(escalation.question)],
                             style: escalation.isOpen ? .normal : .dim, cellStyles: [nil, nil, tooLong ? .warning : nil],
                             mark: tooLong ? ("!", .warning) : nil,
                             full: "\(escalation.raisedOn.text) \(escalation.level.label), "
                                + (escalation.answeredOn.map { "beantwoord op \($0.text)" }
                                    ?? (tooLong ? "open, \(escalation.weeksOpen(today: today)) weken (langer dan \(weeks))" : "open")),
                             detail: Self.details(escalation))
        }, empty: "Nog geen escalaties. Druk op n om de jongere op de agenda van het gemeentelijk of landelijk IPTA-overleg te zetten.",
                     note: error.map { ($0, .error) })
    }
}

extension Table {
    /// Resizes to `rect` keeping half of it (at least three lines) under the rows for the selected
    /// row in full, when that is long text (an escalation's question and answer); `count` rows,
    /// the selection kept.
    mutating func resize(to rect: Rect, halfForDetail count: Int) {
        let detailLines = max(3, (rect.height - 1) / 2)
        if detailLines != self.detailLines {
            let kept = selected
            self = Table(columns: columns, detailLines: detailLines)
            setCount(count)
            select(kept)
        }
        resize(to: rect)
    }
}
