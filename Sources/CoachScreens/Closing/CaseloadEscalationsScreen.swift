import Caseload
import TerminalKit

/// The open escalations across the caseload, oldest first (closed cases left out, as on every
/// agenda): when raised, how many weeks open (marked past the coach's threshold), before which
/// overleg, whose, the question. The selected one in full under the table; Enter opens the youth.
final class CaseloadEscalationsScreen: Screen {
    private struct Line {
        var youthID: String
        var name: String
        var escalation: YouthSummary.OpenEscalation
    }

    let kind = ScreenKind.caseloadEscalations
    let title = "Escalaties"
    private let session: Session
    private var lines: [Line] = []
    private var table = Table(columns: [.init("Gesteld op", width: 10), .init("Weken", width: 8, minimum: 6), .init("Overleg", width: 12, minimum: 9),
                                        .init("Jongere", width: 24, minimum: 8), .init("Vraag", width: 60, minimum: 10)], detailLines: 3)
    private var error: String?
    private var area = Rect(row: 1, col: 0, width: 80, height: 22)
    private var heading = WrappedHeading()

    init(session: Session) {
        self.session = session
        rebuild()
    }

    private func rebuild() {
        let kept = selected.map { ($0.youthID, $0.escalation.id) }
        lines = session.store.summaries.filter { $0.phase != .closed }
            .flatMap { summary in summary.openEscalations.map { Line(youthID: summary.id, name: summary.name, escalation: $0) } }
            .sorted { ($0.escalation.raisedOn, $0.name.sortKey, $0.escalation.id) < ($1.escalation.raisedOn, $1.name.sortKey, $1.escalation.id) }
        table.setCount(lines.count)
        if let kept, let index = lines.firstIndex(where: { ($0.youthID, $0.escalation.id) == kept }) { table.select(index) }
        layOut()
    }

    private var selected: Line? { lines.indices.contains(table.selected) ? lines[table.selected] : nil }

    /// Enter opens a dossier only with a line selected.
    var bindings: [KeyBinding] { KeyTable.bindings(for: kind).dropping(.open, when: selected == nil) }

    func willAppear() { rebuild() }

    func resize(to area: Rect) {
        self.area = area
        layOut()
    }

    private func weeksOpen(_ line: Line) -> Int { Escalation.weeksOpen(since: line.escalation.raisedOn, today: session.today) }

    /// Under the heading (wrapped), half the table's area for the selected one in full.
    private func layOut() {
        let weeks = session.store.settings.escalationWeeks
        let late = lines.filter { weeksOpen($0) > weeks }.count
        heading = WrappedHeading("Open escalaties naar het IPTA-overleg: \(lines.count)  ·  \(session.today.text)",
                                 waiting: lines.isEmpty ? nil : EscalationsScreen.waitingLine(late: late, weeks: weeks), width: area.width)
        table.resize(to: heading.remainder(of: area), halfForDetail: lines.count)
    }

    func handle(_ key: Key) -> Navigation {
        guard let command = bindings.action(for: key) else { return .stay }
        error = nil
        switch command {
        case .move: _ = table.handle(key)
        case .open:
            guard let line = selected else { break }
            do { return .push(try YouthScreen(session: session, id: line.youthID)) } catch { self.error = error.localizedDescription }
        case .back: return .pop
        default: break
        }
        return .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let weeks = session.store.settings.escalationWeeks
        heading.render(into: &canvas, area: area)
        let shown = lines
        table.render(into: &canvas, count: shown.count, row: { index in
            let line = shown[index]
            let open = weeksOpen(line)
            let tooLong = open > weeks
            let escalation = line.escalation
            return Table.Row([escalation.raisedOn.text, tooLong ? "\(open) !" : "\(open)", escalation.level.short, line.name,
                              Form.oneLine(escalation.question)],
                             cellStyles: [nil, tooLong ? .warning : nil], mark: tooLong ? ("!", .warning) : nil,
                             full: "\(line.name): \(escalation.level.label) sinds \(escalation.raisedOn.text), \(open) weken"
                                + (tooLong ? " (langer dan \(weeks))" : ""),
                             detail: "Vraag: \(escalation.question)")
        }, empty: "Geen open escalaties.", note: error.map { ($0, .error) })
    }
}
