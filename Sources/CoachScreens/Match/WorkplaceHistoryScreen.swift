import Caseload
import TerminalKit

/// The placements at a workplace, newest start first: which youth, the kind, from and to, and how
/// it went. Derived from the youths' placements (`CaseloadStore.placements(at:)`), never typed
/// here; Enter opens the youth's dossier.
final class WorkplaceHistoryScreen: Screen {
    let kind = ScreenKind.workplaceHistory
    let title = "Plaatsingen"
    private let session: Session
    private let id: String
    private var table = Table(columns: [.init("Jongere", width: 24, minimum: 10), .init("Soort", width: 17, minimum: 6),
                                        .init("Van", width: 10), .init("Tot", width: 12), .init("Hoe het ging", width: 34, minimum: 8)])
    private var message: String?

    init(session: Session, id: String) {
        self.session = session
        self.id = id
        table.setCount(rows.count)
    }

    private var rows: [(youthID: String, youthName: String, placement: PlacementSummary)] { session.store.placements(at: id).reversed() }

    var bindings: [KeyBinding] { KeyTable.bindings(for: kind).dropping(.open, when: !rows.indices.contains(table.selected)) }

    func willAppear() { table.setCount(rows.count) }
    func resize(to area: Rect) { table.resize(to: Rect(row: area.row + 2, col: area.col, width: area.width, height: area.height - 2)) }

    func handle(_ key: Key) -> Navigation {
        guard let action = bindings.action(for: key) else { return .stay }
        message = nil
        switch action {
        case .move: _ = table.handle(key)
        case .open:
            let shown = rows
            guard shown.indices.contains(table.selected) else { break }
            do { return .push(try YouthScreen(session: session, id: shown[table.selected].youthID)) } catch { message = error.localizedDescription }
        case .back: return .pop
        default: break
        }
        return .stay
    }

    /// "lopend", "beëindigd: voortijdig gestopt door werkgever".
    static func status(_ placement: PlacementSummary) -> String {
        placement.ending.map { "\(placement.status.label): \($0.label)" } ?? placement.status.label
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let name = session.store.workplace(id: id)?.name ?? "Werkplek (\(session.store.missingWorkplaceReason(id: id)))"
        let shown = rows
        let count = shown.count == 1 ? "1 plaatsing" : "\(shown.count) plaatsingen"
        canvas.put("\(name)  ·  \(count)" + (shown.count > 1 ? ", nieuwste bovenaan" : ""), row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        table.render(into: &canvas, count: shown.count, row: { index in
            let (_, youthName, placement) = shown[index]
            let until = placement.end?.text ?? placement.plannedEnd.map { "(\($0.text))" } ?? "–"
            let planned = placement.end == nil ? placement.plannedEnd.map { ", gepland tot \($0.text)" } ?? "" : " tot \(until)"
            return Table.Row([youthName, placement.kind.label, placement.start.text, until, Self.status(placement)],
                             style: placement.status == .ended ? .dim : .normal,
                             full: "\(youthName): \(placement.kind.label) vanaf \(placement.start.text)\(planned) · \(Self.status(placement))")
        }, empty: "Nog geen plaatsingen bij deze werkplek. Een plaatsing maakt u in het dossier van de jongere, bij de plaatsingen.",
           note: message.map { ($0, .error) })
    }
}
