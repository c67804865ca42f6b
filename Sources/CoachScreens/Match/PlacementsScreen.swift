import Caseload
import TerminalKit

/// The placements of one youth, oldest start first, the current one marked ›: where, which kind,
/// from when to when and how it stands or ended. n makes one at a workplace of the caseload,
/// Enter opens one with its agreements, d removes one made by mistake (not while talks belong to
/// it), k opens the match, u the user manual.
final class PlacementsScreen: Screen, OfOneYouth {
    let kind = ScreenKind.placements
    let title = "Plaatsingen"
    let editor: YouthEditor
    private var table = Table(columns: [.init("Werkplek", width: 30, minimum: 10), .init("Soort", width: 17, minimum: 6),
                                        .init("Van – tot", width: 23, minimum: 10), .init("Status", width: 30, minimum: 8)], detailLines: 3)
    private var error: String?

    /// Opens on the current placement.
    init(editor: YouthEditor) {
        self.editor = editor
        table.setCount(placements.count)
        if let current = placements.firstIndex(where: { $0.id == editor.youth.currentPlacement?.id }) { table.select(current) }
    }

    private var placements: [Placement] { editor.youth.placementsInOrder }
    private var selected: Placement? { placements.indices.contains(table.selected) ? placements[table.selected] : nil }

    private var canRemove: Bool { selected != nil && editor.isWritable }
    /// The active workplaces of the caseload: a new placement is made at one of them.
    private var activeWorkplaces: [Workplace] { editor.session.store.workplaces.filter(\.active) }
    /// n is named only when there is a workplace to place at and the youth can be saved.
    var bindings: [KeyBinding] {
        keyRows(canRemove: canRemove).dropping(.open, when: selected == nil).dropping(.new, when: !editor.isWritable || activeWorkplaces.isEmpty)
    }

    func willAppear() { table.setCount(placements.count) }
    func resize(to area: Rect) { table.resize(to: Rect(row: area.row + 2, col: area.col, width: area.width, height: area.height - 2)) }

    func handle(_ key: Key) -> Navigation {
        guard let command = bindings.action(for: key) else { return .stay }
        error = nil
        switch command {
        case .move: _ = table.handle(key)
        case .new: return chooseWorkplace()
        case .open:
            if let placement = selected { return .push(PlacementScreen(editor: editor, placementID: placement.id)) }
        case .remove where canRemove:
            if let placement = selected { return remove(placement) }
        case .openMatch: return .push(MatchScreen(editor: editor))
        case .openUserManual: return .push(UserManualScreen(editor: editor))
        case .back: return .pop
        default: break
        }
        return .stay
    }

    /// n: the active workplaces of the caseload to choose from, then the kind and the start.
    private func chooseWorkplace() -> Navigation {
        let workplaces = activeWorkplaces
        let options = workplaces.map { workplace in
            workplace.sector.isEmpty ? workplace.name : "\(workplace.name) (\(workplace.sector))"
        }
        return .popup(PickerPopup(Picker(title: "Werkplek", options: options)) { [self] index in
            NewPlacement.begin(editor: editor, workplace: workplaces[index])
        })
    }

    private func remove(_ placement: Placement) -> Navigation {
        let removal = Removal(title: "Plaatsing verwijderen",
                              question: "De plaatsing bij \(Wording.quoted(editor.session.store.workplaceName(of: placement))) (\(placement.kind.label), vanaf "
                                  + "\(placement.start.text)) verwijderen, met haar afspraken? Een plaatsing die echt was, beëindigt u liever.",
                              change: { youth throws(InputError) in try youth.remove(placementID: placement.id) })
        return removal.ask(editor) { [self] failure in
            error = failure
            table.setCount(placements.count)
        }
    }

    /// "gepland", "lopend", or how it ended.
    static func statusText(of placement: Placement) -> String {
        placement.status == .ended ? "\(placement.status.label)" + (placement.endingText.map { ": \($0)" } ?? "") : placement.status.label
    }

    /// "01-09-2026 – 28-02-2027", the planned end marked "(gepland)".
    static func period(of placement: Placement) -> String {
        if let end = placement.end { return "\(placement.start.text) – \(end.text)" }
        if let planned = placement.plannedEnd { return "\(placement.start.text) – \(planned.text) (gepland)" }
        return "\(placement.start.text) –"
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let youth = editor.youth
        let store = editor.session.store
        let current = youth.currentPlacement?.id
        canvas.put("\(youth.name)  ·  Plaatsingen: \(youth.placements.count)" + (current == nil ? "" : "  ·  › de huidige"),
                   row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        let shown = placements
        table.render(into: &canvas, count: shown.count, row: { index in
            let placement = shown[index]
            let isCurrent = placement.id == current
            let cells = [store.workplaceName(of: placement), placement.kind.label, Self.period(of: placement), Self.statusText(of: placement)]
            return Table.Row(cells, style: placement.status == .ended ? .dim : .normal,
                             mark: isCurrent ? ("›", .accent) : nil,
                             full: (isCurrent ? "Huidige plaatsing: " : "") + cells.joined(separator: " · "))
        }, empty: activeWorkplaces.isEmpty ? "Nog geen plaatsingen, en nog geen actieve werkplekken: voeg die eerst toe met w op de caseload."
                                           : "Nog geen plaatsingen. Druk op n om er een te maken bij een werkplek, of k voor de match.",
                     note: error.map { ($0, .error) })
    }
}
