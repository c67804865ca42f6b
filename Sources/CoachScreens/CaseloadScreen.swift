import Caseload
import Foundation
import TerminalKit

/// The caseload list: every youth with age, phase and days since the last change, sorted by
/// name; `/` filters as you type, `n` adds a youth, Enter opens one.
final class CaseloadScreen: Screen {
    let kind = ScreenKind.caseload
    let title = "Caseload"
    private let session: Session
    /// Every summary with its folded name, sorted: rebuilt when the data may have changed.
    private var catalog: [(key: String, summary: YouthSummary)] = []
    /// What the list shows now: the catalog after the closed toggle and the search.
    private var rows: [YouthSummary] = []
    private var hiddenClosed = 0
    private var list = ListState()
    private var pageSize = 10
    private var showClosed = false
    /// The search field while the coach types in it; the query stays after Enter.
    private var search: TextField?
    private var query = ""
    private var message: String?

    init(session: Session) {
        self.session = session
        reloadCatalog()
    }

    var capturesKeys: Bool { search != nil }

    var bindings: [KeyBinding] {
        if search != nil { return ComponentKeys.search }
        return KeyTable.bindings(for: kind)
    }

    func willAppear() { reloadCatalog() }
    func resize(to area: Rect) { pageSize = max(1, area.height - 3) }

    private func reloadCatalog() {
        catalog = session.store.summaries
            .map { (key: $0.name.sortKey, summary: $0) }
            .sorted { ($0.key, $0.summary.id) < ($1.key, $1.summary.id) }
        reload()
    }

    /// Rebuilds the rows from the catalog; keeps the selected youth selected.
    private func reload() {
        let selectedID = rows.indices.contains(list.selected) ? rows[list.selected].id : nil
        let needle = query.trimmingCharacters(in: .whitespaces).sortKey
        hiddenClosed = 0
        rows = catalog.compactMap { entry in
            if !showClosed && entry.summary.phase == .closed {
                hiddenClosed += 1
                return nil
            }
            return needle.isEmpty || entry.key.contains(needle) ? entry.summary : nil
        }
        list.setCount(rows.count)
        if let selectedID, let index = rows.firstIndex(where: { $0.id == selectedID }) { list.select(index) }
    }

    func handle(_ key: Key) -> Navigation {
        message = nil
        if search != nil { return handleSearch(key) }
        switch KeyTable.action(for: key, on: kind) {
        case .move: _ = list.handle(key, pageSize: pageSize)
        case .open: return openSelected()
        case .new:
            return .popup(PromptPopup(Prompt(title: "Nieuwe jongere", question: "Enter maakt het dossier en opent het.", label: "Naam:",
                                             enterLabel: "maak aan"), submitted: addYouth))
        case .coachName: return .popup(CoachNamePrompt.popup(session))
        case .search: search = TextField(query)
        case .clearSearch:
            query = ""
            reload()
        case .toggleClosed:
            showClosed.toggle()
            reload()
        case .openAgenda: return .push(CaseloadAgendaScreen(session: session))
        case .quit: return .quit
        default: break
        }
        return .stay
    }

    private func handleSearch(_ key: Key) -> Navigation {
        switch key {
        case .escape:
            search = nil
            query = ""
            reload()
        case .enter:
            search = nil
            return openSelected()
        case .up, .down, .pageUp, .pageDown:
            _ = list.handle(key, pageSize: pageSize)
        default:
            if search?.handle(key) == .changed {
                query = search?.text ?? ""
                reload()
                list.select(0)
            }
        }
        return .stay
    }

    private func addYouth(_ name: String) -> PromptPopup.Reply {
        do {
            let saved = try session.store.save(try Youth(name: name, now: session.now, today: session.today))
            query = ""
            reloadCatalog()
            list.select(rows.firstIndex { $0.id == saved.id } ?? 0)
            return .done(.push(try YouthScreen(session: session, id: saved.id)))
        } catch {
            return .refuse(error.localizedDescription)
        }
    }

    private func openSelected() -> Navigation {
        guard rows.indices.contains(list.selected) else { return .stay }
        do {
            return .push(try YouthScreen(session: session, id: rows[list.selected].id))
        } catch {
            message = error.localizedDescription
            reloadCatalog()
            return .stay
        }
    }

    // MARK: - Drawing

    func render(into canvas: inout Canvas, area: Rect) {
        let today = session.today
        let inner = area.width - 2
        // Name takes what is left; the next action gets a column of its own.
        let ageWidth = 8, phaseWidth = 19, changedWidth = 9
        let actionWidth = max(14, min(32, (inner - ageWidth - phaseWidth - changedWidth - 4) / 2))
        let nameWidth = inner - ageWidth - phaseWidth - changedWidth - actionWidth - 4
        var columns = [1]
        for width in [nameWidth, ageWidth, phaseWidth, changedWidth] { columns.append(columns.last! + width + 1) }

        if let search {
            canvas.put("Zoek: ", row: area.row, col: 1, style: .heading)
            search.render(into: &canvas, row: area.row, col: 7, width: min(40, inner - 6))
        } else {
            var info = Wording.youths(rows.count)
            if !query.isEmpty { info += " gevonden voor \"\(query)\" (Esc wist)" }
            if hiddenClosed > 0 { info += " · \(hiddenClosed) afgesloten verborgen (a toont)" }
            let used = canvas.put(info, row: area.row, col: 1, style: .dim, maxWidth: inner)
            let legend = ["! acuut  ? geen ZRM  * leeftijd buiten 16-27", "! acuut  ? geen ZRM  * buiten 16-27", "! acuut  ? geen ZRM"]
                .first { used + Glyphs.width(of: $0) + 4 <= inner } ?? ""
            if !legend.isEmpty {
                canvas.put(legend, row: area.row, col: area.width - Glyphs.width(of: legend) - 1, style: .dim)
            }
        }
        let header = ["Naam", "Leeftijd", "Fase", "Gewijzigd", "Volgende actie"]
        for (index, text) in header.enumerated() {
            canvas.put(text, row: area.row + 1, col: columns[index], style: .heading)
        }

        let listTop = area.row + 2
        if rows.isEmpty {
            canvas.putWrapped(emptyText, row: listTop + 1, col: 2, width: inner - 2, style: .dim)
        }
        for (line, index) in list.visibleRange(height: pageSize).enumerated() {
            let youth = rows[index]
            let row = listTop + line
            let style: Style = index == list.selected ? .selected : .normal
            canvas.fill(Rect(row: row, col: 0, width: area.width, height: 1), style: style)
            if youth.acuteDomains > 0 {
                canvas.put("!", row: row, col: 0, style: index == list.selected ? style : .error)
            } else if youth.measurementDue {
                canvas.put("?", row: row, col: 0, style: index == list.selected ? style : .warning)
            }
            canvas.put(Glyphs.truncate(youth.name, to: nameWidth), row: row, col: columns[0], style: style, maxWidth: nameWidth)
            // An age outside the method's 16-27 is marked, so a typing error in a date of birth shows.
            let age = youth.age(on: today)
            let outside = age.map { !Youth.intendedAges.contains($0) } ?? false
            canvas.put(Wording.age(age) + (outside ? "*" : ""), row: row, col: columns[1],
                       style: outside && index != list.selected ? .warning : style, maxWidth: ageWidth)
            canvas.put(youth.phase.label, row: row, col: columns[2], style: style, maxWidth: phaseWidth)
            let days = session.day(of: youth.updated).days(until: today)
            canvas.put(Wording.daysAgo(days), row: row, col: columns[3], style: style, maxWidth: changedWidth)
            if let what = youth.nextAction {
                let late = youth.nextActionDue.map { $0 < today } ?? false
                let due = youth.nextActionDue.map { session.shortDate($0) + (late ? "!" : "") + " " } ?? ""
                canvas.put(Glyphs.truncate(due + what, to: actionWidth), row: row, col: columns[4],
                           style: late && index != list.selected ? .warning : style, maxWidth: actionWidth)
            }
        }
        if let message {
            canvas.putAbove(message, bottomRow: area.row + area.height - 1, col: 1, width: inner, style: .error)
        }
    }

    private var emptyText: String {
        if !query.isEmpty { return "Geen jongere gevonden voor \"\(query)\"." }
        if hiddenClosed > 0 { return "Alle dossiers zijn afgesloten; a toont ze." }
        return "Nog geen jongeren. Druk op n om de eerste toe te voegen."
    }
}
