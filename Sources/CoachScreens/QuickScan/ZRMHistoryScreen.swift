import Caseload
import Foundation
import TerminalKit

/// All ZRM measurements of one youth: per life domain the scores over time as a table with a
/// small chart, the number of acute domains and the mean per measurement. Opens a measurement,
/// starts a new one, or compares two.
final class ZRMHistoryScreen: Screen, OfOneYouth {
    let kind = ScreenKind.zrmHistory
    let title = "ZRM"
    let editor: YouthEditor
    /// The domains against the measurements; the selected column is the measurement Enter opens.
    private var grid = Grid(labelWidth: ZRMHistoryScreen.nameWidth, minimumLabelWidth: ZRMHistoryScreen.nameWidth,
                            columnWidth: ZRMHistoryScreen.columnWidth, headerLines: 2)
    private var message: String?

    init(editor: YouthEditor) {
        self.editor = editor
        updateGrid()
        grid.select(column: measurements.count - 1)
    }

    private var selected: Int { grid.selected }

    /// The grid's counts from the data: the thirteen domains, every measurement, the two totals
    /// under them and the chart of up to twelve measurements beside them.
    private func updateGrid() {
        grid.update(rows: Catalog.lifeDomains.count, columns: measurements.count, footer: 2,
                    trailingWidth: max(Self.chartHeader.count, min(Self.chartLength, measurements.count)))
    }

    private var measurements: [ZRMMeasurement] { editor.youth.chronologicalMeasurements }

    /// Enter opens a measurement only when there is one; c compares only from two.
    var bindings: [KeyBinding] {
        KeyTable.bindings(for: kind).dropping(.open, when: measurements.isEmpty).dropping(.compare, when: measurements.count < 2)
    }

    func willAppear() { updateGrid() }

    func handle(_ key: Key) -> Navigation {
        message = nil
        switch bindings.action(for: key) {
        case .column, .move: _ = grid.handle(key)
        case .open:
            guard measurements.indices.contains(selected) else { return .stay }
            return .push(ZRMFormScreen(editor: editor, measurementID: measurements[selected].id))
        case .new:
            return startNewMeasurement()
        case .compare:
            let to = max(selected, 1)
            return .push(ZRMComparisonScreen(editor: editor, from: to - 1, to: to))
        case .back: return .pop
        default: break
        }
        return .stay
    }

    private func startNewMeasurement() -> Navigation {
        let session = editor.session
        var created: ZRMMeasurement?
        message = editor.apply { youth throws(InputError) in
            created = try youth.addMeasurement(date: session.today, moment: youth.suggestedMoment,
                                               scoredBy: session.coachName ?? youth.latestMeasurement?.scoredBy ?? "", today: session.today)
        }
        guard message == nil, let created else { return .stay }
        updateGrid()
        grid.select(column: measurements.firstIndex { $0.id == created.id } ?? selected)
        return .push(ZRMFormScreen(editor: editor, measurementID: created.id))
    }

    // MARK: - Drawing

    /// The rows above the grid (heading, blank) and under it (blank, details, message).
    private static let rowsAbove = 2, rowsBelow = 3

    func resize(to area: Rect) {
        grid.resize(to: Rect(row: area.row + Self.rowsAbove, col: area.col, width: area.width,
                             height: max(5, area.height - Self.rowsAbove - Self.rowsBelow)))
    }

    private static let columnWidth = 6
    private static let nameWidth = 31
    private static let chartHeader = "verloop"
    /// The chart shows the last twelve measurements.
    private static let chartLength = 12

    func render(into canvas: inout Canvas, area: Rect) {
        let all = measurements
        canvas.put("\(editor.youth.name)  ·  Zelfredzaamheid-Matrix", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        guard !all.isEmpty else {
            canvas.putWrapped("Nog geen metingen. Druk op n voor de 0-meting.", row: area.row + 2, col: 2, width: area.width - 4, style: .dim)
            renderMessage(into: &canvas, area: area)
            return
        }
        let selected = min(selected, all.count - 1)
        let domains = Catalog.lifeDomains
        // Five columns: day and month for every measurement alike (the year of the selected one is
        // in the details below), so each column says which measurement it is.
        let headers = all.map { [$0.moment.short, String(format: "%02d-%02d", $0.date.day, $0.date.month)] }
        grid.render(into: &canvas, content: Grid.Content(
            corner: "Leefgebied", labels: domains.map(\.name), headers: headers,
            cell: { row, column in
                let score = all[column].score(domains[row].code)
                let text = score.map { $0 == 1 ? "1 !" : "\($0)" } ?? "·"
                return Grid.Cell(text, style: score == 1 ? .error : column == selected ? .accent : score == nil ? .dim : .normal)
            },
            footer: [
                ("Acuut", { Grid.Cell("\(all[$0].acuteDomains.count)", style: all[$0].acuteDomains.isEmpty ? .normal : .warning) }),
                ("Gemiddelde", { Grid.Cell(all[$0].average.map(Self.decimal) ?? "–") }),
            ],
            trailing: (Self.chartHeader, { row in
                Grid.Cell(Self.sparkline(all.suffix(Self.chartLength).map { $0.score(domains[row].code) }), style: .accent)
            })))
        // An acute score of the selected measurement out of sight gets a ! beside the ▲▼ mark.
        let rows = grid.rowsRect
        let acute = domains.indices.filter { all[selected].score(domains[$0].code) == 1 }
        if acute.contains(where: { $0 < grid.rows.visible.lowerBound }) { canvas.put("!", row: rows.row, col: area.col + 1, style: .error) }
        if acute.contains(where: { $0 >= grid.rows.visible.upperBound }) {
            canvas.put("!", row: rows.row + rows.height - 1, col: area.col + 1, style: .error)
        }
        let current = all[selected]
        var details = "\(current.moment.label) van \(current.date.text)"
        if !current.scoredBy.isEmpty { details += " · gescoord door \(current.scoredBy)" }
        details += " · \(current.scoredCount) van \(domains.count) gescoord"
        if let last = current.corrections.last {
            details += " · \(current.corrections.count) correctie\(current.corrections.count == 1 ? "" : "s"), laatst \(last.date.text)"
        }
        canvas.put(details, row: area.row + area.height - 2, col: 2, style: .dim, maxWidth: area.width - 4)
        renderMessage(into: &canvas, area: area)
    }

    private func renderMessage(into canvas: inout Canvas, area: Rect) {
        if let message { canvas.putAbove(message, bottomRow: area.row + area.height - 1, col: 2, width: area.width - 4, style: .error) }
    }

    /// One character per measurement, higher for a higher score; "·" where not scored.
    static func sparkline(_ scores: [Int?]) -> String {
        let bars: [Character] = ["▁", "▂", "▄", "▆", "█"]
        return String(scores.map { score in score.flatMap { bars.indices.contains($0 - 1) ? bars[$0 - 1] : nil } ?? "·" })
    }

    /// 2.75 -> "2,8": one decimal, Dutch comma.
    static func decimal(_ value: Double) -> String {
        String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
    }
}
