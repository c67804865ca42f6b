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
    private var table = EscalationsScreen.makeTable(detailLines: 3)
    private var error: String?

    init(editor: YouthEditor) {
        self.editor = editor
        table.setCount(escalations.count)
    }

    private static func makeTable(detailLines: Int) -> Table {
        Table(columns: [.init("Gesteld op", width: 10), .init("Overleg", width: 12, minimum: 9), .init("Status", width: 24, minimum: 24),
                        .init("Wat blokkeert", width: 20, minimum: 8), .init("Vraag", width: 60, minimum: 10)], detailLines: detailLines)
    }

    private var escalations: [Escalation] { editor.youth.escalationsInOrder }
    private var selected: Escalation? { escalations.indices.contains(table.selected) ? escalations[table.selected] : nil }
    private var threshold: Int { editor.session.store.settings.escalationWeeks }

    /// Removal works on a selected escalation of a youth that can be saved; only then is its key named.
    private var canRemove: Bool { selected != nil && editor.isWritable }
    /// Enter opens only a selected row: on an empty list it is not named.
    var bindings: [KeyBinding] { keyRows(canRemove: canRemove).dropping(.open, when: selected == nil) }

    func willAppear() { table.setCount(escalations.count) }

    /// The table takes the area under two heading lines; half of it (at least three lines) is kept
    /// under the rows for the selected escalation's question and answer.
    func resize(to area: Rect) {
        let rect = Rect(row: area.row + 2, col: area.col, width: area.width, height: area.height - 2)
        let detailLines = max(3, (rect.height - 1) / 2)
        if detailLines != table.detailLines {
            let kept = table.selected
            table = Self.makeTable(detailLines: detailLines)
            table.setCount(escalations.count)
            table.select(kept)
        }
        table.resize(to: rect)
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

    /// "open", "open, 9 weken (te lang)" past the threshold, or "beantwoord op 01-02-2026".
    static func status(_ escalation: Escalation, weeks: Int, today: LocalDate) -> String {
        if let answered = escalation.answeredOn { return "beantwoord op \(answered.text)" }
        let open = escalation.weeksOpen(today: today)
        return escalation.waitsTooLong(weeks: weeks, today: today) ? "open, \(open) weken (te lang)" : "open"
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
        canvas.put("\(youth.name)  ·  Escalaties naar het IPTA-overleg: \(open.count) open van \(all.count)", row: area.row, col: 2,
                   style: .heading, maxWidth: area.width - 4)
        if late > 0 {
            canvas.put("! \(late) langer dan \(weeks) weken zonder antwoord: op de weekbespreking", row: area.row + 1, col: 2, style: .warning,
                       maxWidth: area.width - 4)
        } else if !open.isEmpty {
            canvas.put("Na \(weeks) weken zonder antwoord komt een escalatie op de weekbespreking.", row: area.row + 1, col: 2, style: .dim,
                       maxWidth: area.width - 4)
        }
        table.render(into: &canvas, count: all.count, row: { index in
            let escalation = all[index]
            let tooLong = escalation.waitsTooLong(weeks: weeks, today: today)
            return Table.Row([escalation.raisedOn.text, escalation.level.short, Self.status(escalation, weeks: weeks, today: today),
                              escalation.block.label, Form.oneLine(escalation.question)],
                             style: escalation.isOpen ? .normal : .dim, cellStyles: [nil, nil, tooLong ? .warning : nil],
                             mark: tooLong ? ("!", .warning) : nil,
                             full: "\(escalation.raisedOn.text) \(escalation.level.label), \(Self.status(escalation, weeks: weeks, today: today))",
                             detail: Self.details(escalation))
        }, empty: "Nog geen escalaties. Druk op n om de jongere op de agenda van het gemeentelijk of landelijk IPTA-overleg te zetten.",
                     note: error.map { ($0, .error) })
    }
}
