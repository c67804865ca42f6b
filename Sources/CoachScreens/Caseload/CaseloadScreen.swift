import Caseload
import Foundation
import TerminalKit

/// The caseload list: every youth with age, phase, days since the last change and since the
/// last contact, sorted by name; `/` filters as you type, `n` adds a youth, Enter opens one, `s`
/// shows only the youths in scout (for how long, how many attempts), `r` starts the weekly review.
final class CaseloadScreen: Screen {
    let kind = ScreenKind.caseload
    let title = "Caseload"
    private let session: Session
    /// Every summary with its folded name, sorted: updated youth by youth as the store changes.
    private var catalog: CaseloadCatalog
    /// What the list shows now: slots of the catalog after the closed toggle and the search.
    private var rows: [Int] = []
    /// What `rows` were found for: a longer query narrows them instead of searching all again.
    private var shownFilter: Filter?
    private struct Filter: Equatable {
        var needle: [UInt8]
        var scoutOnly: Bool
        var showClosed: Bool
        var revision: Int

        /// Every row `other` shows is among the rows of self: only the query grew.
        func narrows(to other: Filter) -> Bool {
            (scoutOnly, showClosed, revision) == (other.scoutOnly, other.showClosed, other.revision)
                && CaseloadCatalog.contains(String(decoding: other.needle, as: UTF8.self), needle)
        }
    }
    private var hiddenClosed = 0
    /// Name and next action give way first on a narrow screen; the next action takes what is left.
    private var table = CaseloadScreen.table(scout: false)
    /// The last column is titled for what it shows: the next action, or in scout the attempts.
    private static func table(scout: Bool) -> Table {
        Table(columns: [.init("Naam", width: 28, minimum: 12), .init("Leeftijd", width: 8), .init("Fase", width: 46, minimum: 14),
                        .init("Gewijzigd", width: 9), .init("Contact", width: 8),
                        .init(scout ? "Pogingen · dagen" : "Volgende actie", width: 32, minimum: 14)],
              showsOnlyCutCells: true)
    }
    /// How many closed cases are past their retention term, worked out with the catalog (not on
    /// every key and frame: the hint line asks for it each time); nil when none are.
    private(set) var retentionLine: String?
    private var showClosed = false
    /// Only the youths in scout, with how long and the attempts in the last column.
    private var scoutOnly = false
    /// The search field while the coach types in it; the query stays after Enter.
    private var search: TextField?
    private var query = ""
    private var message: String?

    init(session: Session) {
        self.session = session
        catalog = CaseloadCatalog(store: session.store)
        reloadCatalog()
    }

    var capturesKeys: Bool { search != nil }

    var bindings: [KeyBinding] {
        if search != nil { return ComponentKeys.search }
        // The quarantine list's key only while there is something unseen to show, the retention
        // list's only while cases are past their term, and then first, so that even a narrow hint
        // line names them. Enter only on a youth; a only when there are closed files to show or hide.
        let rows = KeyTable.bindings(for: kind).dropping(.open, when: self.rows.isEmpty)
            .dropping(.toggleClosed, when: !showClosed && hiddenClosed == 0)
            .dropping(.openQuarantine, when: QuarantineScreen.caseloadLine(session.store) == nil)
            .dropping(.openRetention, when: retentionLine == nil)
        let urgent: [Action] = [.openQuarantine, .openRetention]
        return rows.filter { urgent.contains($0.action) } + rows.filter { !urgent.contains($0.action) }
    }

    /// Where the screen draws, from `resize`.
    private var area = Rect(row: 1, col: 0, width: 80, height: 22)
    /// What the marks left of a row mean: beside the count when both fit, else on a line of its own.
    static let legend = "! acuut  ? geen ZRM  m meting  * leeftijd buiten 16-27"
    /// The count line wrapped (it names what hides other youths, and the keys that show them).
    private var infoLines: [String] = []
    private var legendHasOwnLine = false

    func willAppear() { reloadCatalog() }
    func resize(to area: Rect) {
        self.area = area
        layOut()
    }

    /// The table goes under the count (wrapped) and, when it does not fit beside it, the legend:
    /// decided when the size or the count changes, never while drawing.
    private func layOut() {
        let inner = area.width - 2
        infoLines = Glyphs.wrap(info, width: inner, maxLines: 3)
        legendHasOwnLine = infoLines.count > 1 || Glyphs.width(of: info) + Glyphs.width(of: Self.legend) + 4 > inner
        let top = infoLines.count + (legendHasOwnLine ? 1 : 0)
        table.resize(to: Rect(row: area.row + top, col: area.col, width: area.width, height: area.height - top))
    }

    /// Takes in the youths saved or gone since the list was last shown (only those), then the rows.
    private func reloadCatalog() {
        _ = catalog.update(from: session.store)
        let count = catalog.pastRetention(months: session.store.settings.retentionMonths, today: session.today)
        retentionLine = RetentionScreen.caseloadLine(count: count)
        reload()
    }

    /// Rebuilds the rows from the catalog (narrowing the last ones when only the query grew);
    /// keeps the selected youth selected.
    private func reload() {
        let selected = rows.indices.contains(table.selected) ? rows[table.selected] : nil
        let needle = Array(CaseloadCatalog.fold(query.trimmingCharacters(in: .whitespaces)).utf8)
        let filter = Filter(needle: needle, scoutOnly: scoutOnly, showClosed: showClosed, revision: catalog.revision)
        if let shown = shownFilter, shown.narrows(to: filter) {
            if shown != filter { rows = catalog.narrowed(rows, to: needle) }
        } else {
            (rows, hiddenClosed) = catalog.rows(scoutOnly: scoutOnly, showClosed: showClosed, needle: needle)
        }
        shownFilter = filter
        table.setCount(rows.count)
        layOut()
        if let selected, let index = rows.firstIndex(of: selected) { table.select(index) }
    }

    private func youth(at row: Int) -> YouthSummary { catalog[rows[row]].summary }

    func handle(_ key: Key) -> Navigation {
        message = nil
        if search != nil { return handleSearch(key) }
        switch bindings.action(for: key) {
        case .move: _ = table.handle(key)
        case .open: return openSelected()
        case .new:
            return .popup(PromptPopup(Prompt(title: "Nieuwe jongere", question: "Enter maakt het dossier en opent het.", label: "Naam:",
                                             enterLabel: "maak aan"), submitted: addYouth))
        case .openSettings: return .push(SettingsScreen(session: session))
        case .startReview: return .push(ReviewScreen.thisWeek(session: session))
        case .scoutView:
            scoutOnly.toggle()
            let area = table.area
            table = Self.table(scout: scoutOnly)
            table.resize(to: area)
            reload()
        case .search: search = TextField(query)
        case .clearSearch:
            query = ""
            reload()
        case .toggleClosed:
            showClosed.toggle()
            reload()
        case .openAgenda: return .push(CaseloadAgendaScreen(session: session))
        case .openWorkplaces: return .push(WorkplacesScreen(session: session))
        case .openEscalations: return .push(CaseloadEscalationsScreen(session: session))
        case .openReports: return .push(ReportsScreen(session: session))
        case .openRetention where retentionLine != nil: return .push(RetentionScreen(session: session))
        case .openQuarantine where QuarantineScreen.caseloadLine(session.store) != nil: return .push(QuarantineScreen(session: session))
        case .quit: return .quit
        default: break
        }
        return .stay
    }

    /// The search field's keys, by its rows: Esc clears, Enter opens, ↑↓ choose, the rest is typing.
    private func handleSearch(_ key: Key) -> Navigation {
        switch ComponentKeys.search.action(for: key) {
        case .clearSearch:
            search = nil
            query = ""
            reload()
        case .open:
            search = nil
            return openSelected()
        case .move:
            _ = table.handle(key)
        case .type, .editText:
            if search?.handle(key) == .changed {
                query = search?.text ?? ""
                reload()
                table.select(0)
            }
        default: break
        }
        return .stay
    }

    private func addYouth(_ name: String) -> PromptPopup.Reply {
        do {
            let saved = try session.store.save(try Youth(name: name, now: session.now, today: session.today))
            query = ""
            reloadCatalog()
            table.select(catalog.slot(of: saved.id).flatMap { rows.firstIndex(of: $0) } ?? 0)
            return .done(.push(try YouthScreen(session: session, id: saved.id)))
        } catch {
            return .refuse(error.localizedDescription)
        }
    }

    private func openSelected() -> Navigation {
        guard rows.indices.contains(table.selected) else { return .stay }
        do {
            return .push(try YouthScreen(session: session, id: youth(at: table.selected).id))
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
        if let search {
            canvas.put("Zoek: ", row: area.row, col: 1, style: .heading)
            search.render(into: &canvas, row: area.row, col: 7, width: min(40, inner - 6))
        } else {
            for (offset, line) in infoLines.enumerated() {
                canvas.put(line, row: area.row + offset, col: 1, style: .dim, maxWidth: inner)
            }
        }
        let legendWidth = Glyphs.width(of: Self.legend)
        if legendHasOwnLine {
            canvas.put(Self.legend, row: area.row + infoLines.count, col: max(1, area.width - legendWidth - 1), style: .dim, maxWidth: inner)
        } else if search == nil {
            canvas.put(Self.legend, row: area.row, col: area.width - legendWidth - 1, style: .dim)
        }
        table.render(into: &canvas, count: rows.count, row: { row(for: youth(at: $0), today: today) }, empty: emptyText,
                     note: message.map { ($0, .error) } ?? QuarantineScreen.caseloadLine(session.store).map { ($0, .warning) })
    }

    /// How many youths the list shows, and what hides the others.
    private var info: String {
        var info = Wording.youths(rows.count) + (scoutOnly ? " in scout (s toont alle)" : "")
        if !query.isEmpty { info += " gevonden voor \"\(query)\" (Esc wist)" }
        if hiddenClosed > 0 { info += " · \(hiddenClosed) afgesloten verborgen (a toont)" }
        if let retentionLine { info += " · " + retentionLine }
        return info
    }

    /// One youth's line: an acute domain (!), a missing measurement (?) or a meting due (m) marked
    /// left; an age outside the method's 16-27 marked (*), so a typing error in a date of birth
    /// shows; a phase that lasts too long, contact longer ago than the coach's threshold and a late
    /// next action marked (!). In the scout view the last column has the scouting instead.
    private func row(for youth: YouthSummary, today: LocalDate) -> Table.Row {
        let settings = session.store.settings
        let due = youth.measurementDue(weeks: settings.measurementWeeks, today: today)
        // A closed case has nothing due: no mark, whatever its last measurement said.
        let mark: (text: String, style: Style)? = youth.phase == .closed ? nil : youth.acuteDomains > 0 ? ("!", .error)
            : youth.needsFirstZRM ? ("?", .warning) : due != nil ? ("m", .warning) : nil
        let age = youth.age(on: today)
        let outside = age.map { !Youth.intendedAges.contains($0) } ?? false
        let days = session.day(of: youth.updated).days(until: today)
        let longPhase = youth.phaseTooLong(weeks: settings.phaseWeeks, today: today)
        let quiet = youth.isOutOfContact(limit: settings.contactDays, today: today)
        let contact = youth.lastContact.map { Wording.contactColumn($0, today: today) } ?? "–"
        let future = youth.lastContact.map { $0 > today } ?? false
        var last = ""
        var late = false
        if scoutOnly {
            last = "\(youth.scoutAttempts) poging\(youth.scoutAttempts == 1 ? "" : "en") · \(youth.started.map { max(0, $0.days(until: today)) } ?? 0) dagen in scout"
        } else if let what = youth.nextAction {
            late = youth.nextActionDue.map { $0 < today } ?? false
            last = (youth.nextActionDue.map { session.shortDate($0) + (late ? "!" : "") + " " } ?? "") + what
        }
        let (phase, phaseFlagged) = phaseCell(youth, longPhase: longPhase, today: today)
        if let closed = youth.closedOn, !scoutOnly { last = "afgesloten \(session.shortDate(closed))" }
        return Table.Row([youth.name, Wording.age(age) + (outside ? "*" : ""), phase,
                          Wording.daysAgo(days), contact + (quiet ? "!" : ""), last],
                         cellStyles: [nil, outside ? .warning : nil, phaseFlagged ? .warning : nil, nil, quiet || future ? .warning : nil, late ? .warning : nil],
                         mark: mark, detail: due.map { $0.text(today: today) })
    }

    /// The phase, and where it stands: in Coachen the workplace of the current placement, in
    /// Borgen the intensity (afgebouwd for too long: ready to close, marked), for a closed case its
    /// outcome. Flagged when the phase lasts too long or the case is ready to close.
    private func phaseCell(_ youth: YouthSummary, longPhase: Int?, today: LocalDate) -> (String, Bool) {
        let flag = longPhase.map { " \($0) wk!" } ?? ""
        switch youth.phase {
        case .coaching:
            let workplace = youth.currentPlacement.map { " · " + session.store.workplaceName(id: $0.workplaceID, stored: $0.workplaceName) } ?? ""
            return (youth.phase.label + flag + workplace, longPhase != nil)
        case .borg:
            guard let step = youth.borgStep else { return (youth.phase.label + flag, longPhase != nil) }
            if let weeks = youth.readyToClose(weeks: session.store.settings.readyToCloseWeeks, today: today) {
                return ("\(youth.phase.label) · \(step.intensity.label) \(weeks) wk: klaar om af te sluiten!", true)
            }
            return ("\(youth.phase.label) · \(step.intensity.label)" + flag, longPhase != nil)
        case .closed:
            return (youth.phase.label + " · " + (youth.outcomeText ?? "geen uitstroom vastgelegd"), false)
        default:
            return (youth.phase.label + flag, longPhase != nil)
        }
    }

    private var emptyText: String {
        if !query.isEmpty { return "Geen jongere gevonden voor \"\(query)\"." }
        if scoutOnly { return "Niemand is in scout. s toont weer alle jongeren." }
        if hiddenClosed > 0 { return "Alle dossiers zijn afgesloten; a toont ze." }
        return "Nog geen jongeren. Druk op n om de eerste toe te voegen."
    }
}
