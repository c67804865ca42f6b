import Caseload
import TerminalKit

/// The match of one youth: the caseload's active workplaces ranked by fit (MatchRanking), and
/// under the list the reasons of the selected one in words, each with the points it adds. The
/// ranking advises; the coach picks: Enter makes a placement there, o opens the workplace.
final class MatchScreen: Screen, OfOneYouth {
    let kind = ScreenKind.match
    let title = "Match"
    let editor: YouthEditor
    private var fits: [MatchFit] = []
    /// All workplaces of the caseload, active or not: what an empty list says.
    private var workplaceCount = 0
    private var table = Table(columns: [.init("#", width: 3), .init("Punten", width: 6), .init("Werkplek", width: 30, minimum: 10),
                                        .init("Sector", width: 20, minimum: 6), .init("Soort plek", width: 40, minimum: 8)], detailLines: 0)
    private var area = Rect(row: 1, col: 0, width: 80, height: 22)
    /// Which lines of the selected workplace's reasons show: from `resize` and the keys.
    private var reasonScroll = ScrollPosition()

    init(editor: YouthEditor) {
        self.editor = editor
        rank()
    }

    private var selected: MatchFit? { fits.indices.contains(table.selected) ? fits[table.selected] : nil }

    /// Enter and o only with a workplace selected (Enter only when the youth can be saved); PgDn
    /// and PgUp only while reasons are out of sight that way.
    var bindings: [KeyBinding] {
        KeyTable.bindings(for: kind)
            .dropping(.move, .openWorkplace, when: selected == nil)
            .dropping(.placeHere, when: selected == nil || !editor.isWritable)
            .keeping((reasonScroll.hiddenBelow ? [.pageDown] : []) + (reasonScroll.hiddenAbove ? [.pageUp] : []), of: .scrollDetail)
    }

    /// Ranks again (a workplace or placement may have changed), keeping the same workplace selected.
    private func rank() {
        let store = editor.session.store
        let kept = selected?.workplace.id
        let workplaces = store.workplaces
        workplaceCount = workplaces.count
        fits = MatchRanking.rank(editor.youth, among: workplaces, othersAt: store.placementsOfOthers(than: editor.youth.id))
        table.setCount(fits.count)
        if let kept, let index = fits.firstIndex(where: { $0.workplace.id == kept }) { table.select(index) }
        layOut()
    }

    func willAppear() { rank() }

    func resize(to area: Rect) {
        self.area = area
        layOut()
    }

    /// Two heading lines, the table (a third of the rest, at least three rows), the reasons below.
    private var tableRows: Int { fits.isEmpty ? 0 : min(fits.count, max(3, (area.height - 2) / 3)) }
    private var reasonsRect: Rect {
        let top = area.row + 3 + tableRows
        return Rect(row: top, col: area.col, width: area.width, height: max(0, area.row + area.height - top))
    }

    private func layOut(keepingTop: Bool = true) {
        table.resize(to: Rect(row: area.row + 2, col: area.col, width: area.width, height: 1 + tableRows))
        let count = selected.map { reasonLines($0, width: area.width).count } ?? 0
        if !keepingTop { reasonScroll = ScrollPosition() }
        reasonScroll.resize(count: count, height: reasonsRect.height)
    }

    func handle(_ key: Key) -> Navigation {
        guard let command = bindings.action(for: key) else { return .stay }
        switch command {
        case .move:
            // Another workplace: its reasons from their first line.
            if table.handle(key) { layOut(keepingTop: false) }
        case .scrollDetail: _ = reasonScroll.handle(key, letters: false)
        case .placeHere:
            if let fit = selected { return NewPlacement.begin(editor: editor, workplace: fit.workplace) }
        case .openWorkplace:
            if let fit = selected { return .push(WorkplaceScreen(session: editor.session, id: fit.workplace.id)) }
        case .back: return .pop
        default: break
        }
        return .stay
    }

    /// One line under the list: the workplace in full (a heading), or a line of a reason with its
    /// points on the reason's first line.
    private struct ReasonLine {
        var points: (text: String, style: Style)?
        var text: String
        var style: Style
        var isHeading: Bool { style == .heading }
    }

    /// The selected workplace in full (the table may cut it), then each reason wrapped beside its points.
    private func reasonLines(_ fit: MatchFit, width: Int) -> [ReasonLine] {
        let workplace = fit.workplace
        let about = [workplace.name, workplace.sector.isEmpty ? "geen sector" : workplace.sector, kinds(workplace),
                     "\(fit.score) \(abs(fit.score) == 1 ? "punt" : "punten")"].joined(separator: " · ")
        var lines = Glyphs.wrap("Waarom \(about):", width: width - 4).map { ReasonLine(text: $0, style: .heading) }
        for reason in fit.reasons {
            let points = (MatchReason.signed(reason.points), reason.points > 0 ? Style.accent : reason.points < 0 ? .warning : .dim)
            for (index, text) in Glyphs.wrap(reason.text, width: width - 9).enumerated() {
                lines.append(ReasonLine(points: index == 0 ? points : nil, text: text, style: reason.points == 0 ? .dim : .normal))
            }
        }
        return lines
    }

    private func kinds(_ workplace: Workplace) -> String {
        workplace.kinds.isEmpty ? "soort plek niet ingevuld" : workplace.kinds.map(\.label).joined(separator: ", ")
    }

    /// What an empty list says: where workplaces are added, or that none is active.
    private var emptyText: String {
        let add = "Een werkplek toevoegen doet u met w op de caseload (de lijst met jongeren)."
        guard workplaceCount > 0 else { return "Nog geen werkplekken in de caseload, dus nog niets om te matchen. \(add)" }
        let all = workplaceCount == 1 ? "de enige werkplek staat" : "alle \(workplaceCount) werkplekken staan"
        return "Geen actieve werkplekken: \(all) op niet actief. Zet er een op actief (w op de caseload, open de werkplek), of voeg er een toe. \(add)"
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let youth = editor.youth
        let inactive = workplaceCount - fits.count
        let count = fits.count == 1 ? "1 actieve werkplek" : "\(fits.count) actieve werkplekken"
        canvas.put("\(youth.name)  ·  Match: \(count)\(inactive > 0 ? " (\(inactive) niet actief)" : "")", row: area.row, col: 2,
                   style: .heading, maxWidth: area.width - 4)
        let asked = MatchRanking.kindsAsked(by: youth.changePlan.goal).map(\.kind.label)
        canvas.put("Advies; de keuze is aan u. " + (asked.isEmpty ? "Het doel in het plan noemt geen soort plek."
                                                            : "Het doel vraagt om: \(asked.joined(separator: ", ")).")
                   , row: area.row + 1, col: 2, style: .dim, maxWidth: area.width - 4)
        guard !fits.isEmpty else {
            canvas.putWrapped(emptyText, row: area.row + 3, col: area.col + 2, width: area.width - 4, style: .dim)
            return
        }
        let shown = fits
        table.render(into: &canvas, count: shown.count, row: { index in
            let fit = shown[index]
            return Table.Row(["\(index + 1)", MatchReason.signed(fit.score), fit.workplace.name, fit.workplace.sector, kinds(fit.workplace)],
                             style: fit.score < 0 ? .dim : .normal)
        }, empty: "")
        guard let fit = selected else { return }
        let rect = reasonsRect
        let lines = reasonLines(fit, width: rect.width)
        for (offset, index) in reasonScroll.visible.enumerated() where lines.indices.contains(index) {
            let line = lines[index]
            let row = rect.row + offset
            if let points = line.points {
                canvas.put(String(repeating: " ", count: max(0, 3 - points.text.count)) + points.text, row: row, col: rect.col + 2, style: points.style)
            }
            let indent = line.isHeading ? 2 : 7
            canvas.put(line.text, row: row, col: rect.col + indent, style: line.style, maxWidth: rect.width - indent - 2)
        }
        reasonScroll.drawMarks(into: &canvas, rect: rect, col: rect.col + rect.width - 1)
    }
}
