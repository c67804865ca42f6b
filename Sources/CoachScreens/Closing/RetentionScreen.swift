import Caseload
import TerminalKit

/// Closed cases past their retention term (`settings.retentionMonths` after closing), the one
/// closed longest ago first: name, outcome, closed on, how long past the term. Enter opens the
/// youth; `d` erases one after its name is typed in full (CaseErasure).
final class RetentionScreen: Screen {
    let kind = ScreenKind.retention
    let title = "Bewaartermijn"
    private let session: Session
    private var cases: [YouthSummary] = []
    private var table = Table(columns: [.init("Naam", width: 28, minimum: 12), .init("Uitstroom", width: 40, minimum: 12),
                                        .init("Afgesloten", width: 10), .init("Voorbij", width: 10, minimum: 7)], detailLines: 4)
    private var message: String?
    private var area = Rect(row: 1, col: 0, width: 80, height: 22)
    private var headingLines = WrappedHeading()

    init(session: Session) {
        self.session = session
        reload()
    }

    /// The line the caseload shows for `count` closed cases past their term (the caseload's
    /// catalog counts them); nil when there are none.
    static func caseloadLine(count: Int) -> String? {
        guard count > 0, let key = KeyTable.bindings(for: .caseload).keyName(for: .openRetention) else { return nil }
        return "\(count) afgesloten \(count == 1 ? "dossier" : "dossiers") voorbij de bewaartermijn (\(key))"
    }

    func willAppear() { reload() }

    func resize(to area: Rect) {
        self.area = area
        layOut()
    }

    private func reload() {
        let selected = cases.indices.contains(table.selected) ? cases[table.selected].id : nil
        cases = session.store.pastRetention(today: session.today)
        table.setCount(cases.count)
        if let selected, let index = cases.firstIndex(where: { $0.id == selected }) { table.select(index) }
        layOut()
    }

    private func layOut() {
        headingLines = WrappedHeading(heading, waiting: nil, width: area.width)
        table.resize(to: headingLines.remainder(of: area))
    }

    private var heading: String {
        let months = session.store.settings.retentionMonths
        return "Afgesloten dossiers voorbij de bewaartermijn (\(months) \(months == 1 ? "maand" : "maanden") na afsluiten): \(cases.count)"
    }

    var bindings: [KeyBinding] { KeyTable.bindings(for: kind).dropping(.open, .eraseCase, when: cases.isEmpty) }

    func handle(_ key: Key) -> Navigation {
        message = nil
        switch bindings.action(for: key) {
        case .move: _ = table.handle(key)
        case .open:
            guard cases.indices.contains(table.selected) else { break }
            do { return .push(try YouthScreen(session: session, id: cases[table.selected].id)) } catch {
                message = error.localizedDescription
                reload()
            }
        case .eraseCase:
            guard cases.indices.contains(table.selected) else { break }
            let youth = cases[table.selected]
            return .popup(CaseErasure.popup(session: session, youthID: youth.id, name: youth.name) { [weak self] in
                self?.reload()
                return self?.cases.isEmpty == false ? .stay : .pop
            })
        case .back: return .pop
        default: break
        }
        return .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        headingLines.render(into: &canvas, area: area)
        let today = session.today
        let months = session.store.settings.retentionMonths
        table.render(into: &canvas, count: cases.count, row: { row(for: cases[$0], today: today, months: months) },
                     empty: "Geen afgesloten dossiers voorbij de bewaartermijn.", note: message.map { ($0, .error) })
    }

    private func row(for youth: YouthSummary, today: LocalDate, months: Int) -> Table.Row {
        let outcome = youth.outcomeText ?? "geen uitstroom vastgelegd"
        let closed = youth.closedOn?.text ?? "–"
        let past = youth.monthsPastRetention(months: months, today: today)
        let ended = youth.closedOn.map { "termijn verstreken op \($0.adding(months: months).text)" }
        return Table.Row([youth.name, outcome, closed, past.map { "\($0) mnd" } ?? "–"],
                         full: "\(youth.name) · \(outcome) · afgesloten op \(closed) · \(past.map { $0 == 1 ? "1 maand" : "\($0) maanden" } ?? "–") voorbij de termijn",
                         detail: ended)
    }
}
