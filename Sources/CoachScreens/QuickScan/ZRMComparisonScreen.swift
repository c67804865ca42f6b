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
    /// Which domains show, when the window is too low for all: from `resize` and the keys.
    private var domains = ScrollPosition()
    private var area = Rect(row: 1, col: 0, width: 80, height: 22)

    init(editor: YouthEditor, from: Int, to: Int) {
        self.editor = editor
        self.from = from
        self.to = to
    }

    func handle(_ key: Key) -> Navigation {
        let count = editor.youth.measurements.count
        defer { layOut() }
        switch KeyTable.action(for: key, on: kind) {
        case .move: _ = domains.handle(key)
        case .column:
            let step = key == .left ? -1 : 1
            if changingTo { to = min(max(0, to + step), count - 1) } else { from = min(max(0, from + step), count - 1) }
        case .switchSide: changingTo.toggle()
        case .back: return .pop
        default: break
        }
        return .stay
    }

    func resize(to area: Rect) {
        self.area = area
        layOut()
    }

    /// The domains get the rows the heading, the header and the totals leave.
    private func layOut() {
        let all = editor.youth.chronologicalMeasurements
        guard all.indices.contains(from), all.indices.contains(to) else { return }
        domains.resize(count: ZRMComparison(from: all[from], to: all[to]).rows.count,
                       height: max(1, area.height - 3 - totals(all, width: area.width).count))
    }

    /// The totals the guide promises: the change in numbers, then average and acute domains of each.
    private func totals(_ all: [ZRMMeasurement], width: Int) -> [String] {
        let comparison = ZRMComparison(from: all[from], to: all[to])
        return [
            "\(comparison.count(.up)) omhoog · \(comparison.count(.down)) omlaag · \(comparison.count(.same)) gelijk",
            "Gemiddeld \(average(all[from])) → \(average(all[to])) · acute leefgebieden \(all[from].acuteDomains.count) → \(all[to].acuteDomains.count)",
        ].flatMap { Glyphs.wrap($0, width: width - 4) }
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let all = editor.youth.chronologicalMeasurements
        guard all.indices.contains(from), all.indices.contains(to) else { return }
        let comparison = ZRMComparison(from: all[from], to: all[to])
        canvas.put("\(editor.youth.name)  ·  ZRM vergelijken", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)

        let header = area.row + 2
        let table = TableLayout([.init("Leefgebied", width: 29, minimum: 14), .init("van", width: 13, minimum: 7),
                                 .init("naar", width: 13, minimum: 7), .init("Verandering", width: 19, minimum: 8)], width: area.width)
        // The full date where the column has room for it, else day and month: never cut off.
        let labels = [all[from], all[to]].enumerated().map { column, m in
            Glyphs.width(of: label(m)) <= table.widths[column + 1] ? label(m) : String(format: "%@ %02d-%02d", m.moment.short, m.date.day, m.date.month)
        }
        table.put(["Leefgebied", labels[0], labels[1], "Verandering"], row: header, into: &canvas, style: .heading,
                  styles: [nil, changingTo ? nil : .selected, changingTo ? .selected : nil, nil])
        let totals = totals(all, width: area.width)
        var row = header + 1
        domains.drawMarks(into: &canvas, rect: Rect(row: row, col: area.col, width: area.width, height: domains.height), col: area.col)
        for line in domains.visible.compactMap({ comparison.rows.indices.contains($0) ? comparison.rows[$0] : nil }) {
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
