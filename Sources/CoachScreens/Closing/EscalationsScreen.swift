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
    private var area = Rect(row: 1, col: 0, width: 80, height: 22)
    private var heading = WrappedHeading()

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

    func willAppear() {
        table.setCount(escalations.count)
        layOut()
    }

    func resize(to area: Rect) {
        self.area = area
        layOut()
    }

    /// The table takes the area under the heading (wrapped), half of it for the selected
    /// escalation's question and answer.
    private func layOut() {
        let today = editor.session.today
        let all = escalations
        let open = all.filter(\.isOpen)
        let late = open.filter { $0.waitsTooLong(weeks: threshold, today: today) }.count
        let count = all.isEmpty ? "" : ": \(open.count) open van \(all.count)"
        heading = WrappedHeading("\(editor.youth.name)  ·  Escalaties naar het IPTA-overleg\(count)",
                                 waiting: open.isEmpty ? nil : Self.waitingLine(late: late, weeks: threshold), width: area.width)
        table.resize(to: heading.remainder(of: area), halfForDetail: all.count)
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
            layOut()
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
    static func waitingLine(late: Int, weeks: Int) -> (text: String, style: Style) {
        late > 0 ? ("! \(late) langer dan \(weeks) weken zonder antwoord: op de weekbespreking", .warning)
                 : ("Na \(weeks) weken zonder antwoord komt een escalatie op de weekbespreking.", .dim)
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
        let today = editor.session.today
        let weeks = threshold
        let all = escalations
        heading.render(into: &canvas, area: area)
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

/// The heading of a list: its title and a warning under it, each wrapped (never cut) over at most
/// two lines; the table takes the rest of the area.
struct WrappedHeading {
    private(set) var lines: [(text: String, style: Style)] = []

    init() {}

    init(_ title: String, waiting: (text: String, style: Style)?, width: Int) {
        lines = Glyphs.wrap(title, width: width - 4, maxLines: 2).map { ($0, .heading) }
        if let waiting { lines += Glyphs.wrap(waiting.text, width: width - 4, maxLines: 2).map { ($0, waiting.style) } }
    }

    /// What is left of `area` under the heading.
    func remainder(of area: Rect) -> Rect {
        Rect(row: area.row + lines.count, col: area.col, width: area.width, height: area.height - lines.count)
    }

    func render(into canvas: inout Canvas, area: Rect) {
        for (offset, line) in lines.enumerated() {
            canvas.put(line.text, row: area.row + offset, col: 2, style: line.style, maxWidth: area.width - 4)
        }
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
