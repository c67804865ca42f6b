import Caseload
import TerminalKit

/// Two ZRM measurements side by side: per life domain both scores and the direction, with how
/// many went up, down or stayed, and the acute domains of each.
final class ZRMComparisonScreen: Screen {
    let kind = ScreenKind.zrmComparison
    let title = "Vergelijken"
    private let editor: YouthEditor
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
        let fromCol = 2 + 31, toCol = fromCol + 15, directionCol = toCol + 15
        canvas.put("\(editor.youth.name)  ·  ZRM vergelijken", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)

        let header = area.row + 2
        for (text, col, active) in [(label(all[from]), fromCol, !changingTo), (label(all[to]), toCol, changingTo)] {
            canvas.put(text, row: header, col: col, style: active ? .selected : .heading, maxWidth: 14)
        }
        canvas.put("Verandering", row: header, col: directionCol, style: .heading)
        var row = header + 1
        for line in comparison.rows.prefix(max(0, area.height - 6)) {
            canvas.put(line.domain.name, row: row, col: 2, maxWidth: 30)
            canvas.put(score(line.from), row: row, col: fromCol, style: line.from == 1 ? .error : .normal)
            canvas.put(score(line.to), row: row, col: toCol, style: line.to == 1 ? .error : .normal)
            let (word, style): (String, Style) = switch line.direction {
            case .up: ("↑ omhoog", .accent)
            case .down: ("↓ omlaag", .warning)
            case .same: ("= gelijk", .dim)
            case .unknown: ("  niet te vergelijken", .dim)
            }
            canvas.put(word, row: row, col: directionCol, style: style, maxWidth: area.width - directionCol - 1)
            row += 1
        }
        let totals = "\(comparison.count(.up)) omhoog · \(comparison.count(.down)) omlaag · \(comparison.count(.same)) gelijk"
            + " · acuut \(all[from].acuteDomains.count) → \(all[to].acuteDomains.count)"
        canvas.put(totals, row: area.row + area.height - 1, col: 2, style: .heading, maxWidth: area.width - 4)
    }

    private func label(_ m: ZRMMeasurement) -> String { "\(m.moment.short) \(m.date.text)" }

    private func score(_ value: Int?) -> String {
        switch value {
        case nil: "–"
        case 1: "1 ACUUT"
        case let score?: "\(score)"
        }
    }
}
