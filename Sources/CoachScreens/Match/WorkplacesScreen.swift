import Caseload
import TerminalKit

/// The workplaces of the caseload (companies, schools, other places), by name: sector, the kinds
/// of place they offer, active or not, and how many placements they had. `/` filters as you type on
/// name, sector and kind; `n` adds one, Enter opens one.
final class WorkplacesScreen: Screen {
    let kind = ScreenKind.workplaces
    let title = "Werkplekken"
    private let session: Session
    /// What the list shows now: every workplace the filter lets through.
    private var rows: [Workplace] = []
    /// Name and kinds give way first on a narrow screen.
    private var table = Table(columns: [.init("Naam", width: 28, minimum: 12), .init("Sector", width: 18, minimum: 8),
                                        .init("Soorten plek", width: 30, minimum: 10), .init("Actief", width: 6),
                                        .init("Plaatsingen", width: 11)], detailLines: 3)
    /// The filter field while the coach types in it; the filter stays after Enter.
    private var filterField: TextField?
    private var query = ""

    /// The filter's keys: those of the caseload search, said of workplaces.
    static let filterKeys = ComponentKeys.search
        .naming(.open, "open", help: "De gekozen werkplek openen")
        .naming(.move, "kies", help: "Een andere werkplek uit de gevonden kiezen")
        .naming(.clearSearch, "wis filter", help: "Het filter wissen; alle werkplekken tonen")

    init(session: Session) {
        self.session = session
        reload()
    }

    var capturesKeys: Bool { filterField != nil }

    /// Enter only on a workplace; the filter only when there is something to filter.
    var bindings: [KeyBinding] {
        if filterField != nil { return filterRows }
        return KeyTable.bindings(for: kind).dropping(.open, when: rows.isEmpty)
            .dropping(.filter, when: session.store.workplaces.isEmpty && query.isEmpty)
    }

    func willAppear() { reload() }
    func resize(to area: Rect) { table.resize(to: Rect(row: area.row + 2, col: area.col, width: area.width, height: area.height - 2)) }

    /// Rebuilds the rows; keeps the selected workplace selected.
    private func reload() {
        let selectedID = rows.indices.contains(table.selected) ? rows[table.selected].id : nil
        rows = session.store.workplaces.filter { $0.matches(query) }
        table.setCount(rows.count)
        if let selectedID, let index = rows.firstIndex(where: { $0.id == selectedID }) { table.select(index) }
    }

    func handle(_ key: Key) -> Navigation {
        if filterField != nil { return handleFilter(key) }
        guard let action = bindings.action(for: key) else { return .stay }
        switch action {
        case .move: _ = table.handle(key)
        case .open: return openSelected()
        case .new:
            return .popup(PromptPopup(Prompt(title: "Nieuwe werkplek", question: "Enter maakt de werkplek en opent hem.", label: "Naam:",
                                             enterLabel: "maak aan"), submitted: addWorkplace))
        case .filter: filterField = TextField(query)
        case .back: return .pop
        default: break
        }
        return .stay
    }

    /// The filter's rows now: Enter only on a workplace found, ↑↓ only among two or more.
    private var filterRows: [KeyBinding] { Self.filterKeys.dropping(.open, when: rows.isEmpty).dropping(.move, when: rows.count < 2) }

    /// The filter field's keys, by its rows: Esc clears, Enter opens, ↑↓ choose, the rest is typing.
    private func handleFilter(_ key: Key) -> Navigation {
        switch filterRows.action(for: key) {
        case .clearSearch:
            filterField = nil
            query = ""
            reload()
        case .open:
            filterField = nil
            return openSelected()
        case .move: _ = table.handle(key)
        case .type, .editText:
            if filterField?.handle(key) == .changed {
                query = filterField?.text ?? ""
                reload()
                table.select(0)
            }
        default: break
        }
        return .stay
    }

    private func addWorkplace(_ name: String) -> PromptPopup.Reply {
        do {
            let saved = try session.store.save(try Workplace(name: name, now: session.now))
            query = ""
            reload()
            table.select(rows.firstIndex { $0.id == saved.id } ?? 0)
            return .done(.push(WorkplaceScreen(session: session, id: saved.id)))
        } catch {
            return .refuse(error.localizedDescription)
        }
    }

    private func openSelected() -> Navigation {
        guard rows.indices.contains(table.selected) else { return .stay }
        return .push(WorkplaceScreen(session: session, id: rows[table.selected].id))
    }

    // MARK: - Drawing

    func render(into canvas: inout Canvas, area: Rect) {
        let inner = area.width - 4
        if let filterField {
            let labelWidth = canvas.put("Filter: ", row: area.row, col: 2, style: .heading)
            filterField.render(into: &canvas, row: area.row, col: 2 + labelWidth, width: min(40, inner - labelWidth))
        } else {
            canvas.put(info, row: area.row, col: 2, style: .heading, maxWidth: inner)
        }
        table.render(into: &canvas, count: rows.count, row: { row(for: rows[$0]) }, empty: emptyText)
    }

    /// How many workplaces the list shows, and the filter that hides others.
    private var info: String {
        let count = rows.count == 1 ? "1 werkplek" : "\(rows.count) werkplekken"
        return query.isEmpty ? count : "\(count) gevonden voor \"\(query)\" (/ wijzigt, Esc in het filter wist)"
    }

    /// One workplace's line; an inactive one is dim and says "nee".
    private func row(for workplace: Workplace) -> Table.Row {
        let placements = session.store.placements(at: workplace.id)
        let kinds = workplace.kinds.map(\.label).joined(separator: ", ")
        return Table.Row([workplace.name, workplace.sector.isEmpty ? "–" : workplace.sector, kinds.isEmpty ? "–" : kinds,
                          workplace.active ? "ja" : "nee", placements.isEmpty ? "–" : "\(placements.count)"],
                         style: workplace.active ? .normal : .dim,
                         full: "\(workplace.name) · \(workplace.sector.isEmpty ? "geen sector" : workplace.sector) · \(kinds.isEmpty ? "geen soort plek" : kinds)"
                             + (workplace.active ? "" : " · niet actief"))
    }

    private var emptyText: String {
        if !query.isEmpty { return "Geen werkplek gevonden voor \"\(query)\"; / wijzigt het filter." }
        if let problem = session.store.folderProblem(CaseloadStore.workplacesFolder) { return problem.localizedDescription }
        return "Nog geen werkplekken. Druk op n om de eerste toe te voegen."
    }
}
