import Caseload
import TerminalKit

/// Two ZRM measurements side by side: per life domain both scores and the direction, with how
/// many went up, down or stayed, and the acute domains of each.
final class ZRMComparisonScreen: Screen, OfOneYouth {
    let kind = ScreenKind.zrmComparison
    let title = "Vergelijken"
    let editor: YouthEditor
    /// Indexes into the chronological measurements.
    private var from: Int
    private var to: Int
    /// Which side ← → changes: false the left (from), true the right (to).
    private var changingTo = true

    init(editor: YouthEditor, from: Int, to: Int) {
        self.editor = editor
        self.from = from
        self.to = to
    }

    func handle(_ key: Key) -> Navigation {
        let count = editor.youth.measurements.count
        switch KeyTable.action(for: key, on: kind) {
        case .column:
            let step = key == .left ? -1 : 1
            if changingTo { to = min(max(0, to + step), count - 1) } else { from = min(max(0, from + step), count - 1) }
        case .switchSide: changingTo.toggle()
        case .back: return .pop
        default: break
        }
        return .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let all = editor.youth.chronologicalMeasurements
        guard all.indices.contains(from), all.indices.contains(to) else { return }
        let comparison = ZRMComparison(from: all[from], to: all[to])
        canvas.put("\(editor.youth.name)  ·  ZRM vergelijken", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)

        let header = area.row + 2
        let table = TableLayout([.init("Leefgebied", width: 29, minimum: 14), .init("van", width: 13, minimum: 7),
                                 .init("naar", width: 13, minimum: 7), .init("Verandering", width: 19, minimum: 8)], width: area.width)
        table.put(["Leefgebied", label(all[from]), label(all[to]), "Verandering"], row: header, into: &canvas, style: .heading,
                  styles: [nil, changingTo ? nil : .selected, changingTo ? .selected : nil, nil])
        // The totals the guide promises: the change in numbers, then average and acute domains of each.
        let totals = [
            "\(comparison.count(.up)) omhoog · \(comparison.count(.down)) omlaag · \(comparison.count(.same)) gelijk",
            "Gemiddeld \(average(all[from])) → \(average(all[to])) · acute leefgebieden \(all[from].acuteDomains.count) → \(all[to].acuteDomains.count)",
        ].flatMap { Glyphs.wrap($0, width: area.width - 4) }
        var row = header + 1
        let fits = max(0, area.height - 3 - totals.count)
        // When not all fit, one row says how many more there are.
        let room = comparison.rows.count > fits ? max(0, fits - 1) : fits
        for line in comparison.rows.prefix(room) {
            let (word, style): (String, Style) = switch line.direction {
            case .up: ("↑ omhoog", .accent)
            case .down: ("↓ omlaag", .warning)
            case .same: ("= gelijk", .dim)
            case .unknown: ("niet te vergelijken", .dim)
            }
            table.put([line.domain.name, score(line.from), score(line.to), word], row: row, into: &canvas, style: .normal,
                      styles: [nil, line.from == 1 ? .error : nil, line.to == 1 ? .error : nil, style])
            row += 1
        }
        if comparison.rows.count > room {
            canvas.put("↓ \(comparison.rows.count - room) leefgebieden meer: maak het venster hoger", row: row, col: 2, style: .dim,
                       maxWidth: area.width - 4)
        }
        for (offset, line) in totals.enumerated() {
            canvas.put(line, row: area.row + area.height - totals.count + offset, col: 2, style: .heading, maxWidth: area.width - 4)
        }
    }

    private func average(_ m: ZRMMeasurement) -> String { m.average.map(ZRMHistoryScreen.decimal) ?? "–" }

    private func label(_ m: ZRMMeasurement) -> String { "\(m.moment.short) \(m.date.text)" }

    private func score(_ value: Int?) -> String {
        switch value {
        case nil: "–"
        case 1: "1 ACUUT"
        case let score?: "\(score)"
        }
    }
}
