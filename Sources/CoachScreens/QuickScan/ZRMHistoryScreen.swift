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
    /// Index into the chronological measurements.
    private var selected: Int
    /// Which life domains show, when the window is too low for all thirteen: from `resize`.
    private var domains = ScrollPosition(count: Catalog.lifeDomains.count, height: Catalog.lifeDomains.count)
    private var message: String?

    init(editor: YouthEditor) {
        self.editor = editor
        selected = max(0, editor.youth.measurements.count - 1)
    }

    private var measurements: [ZRMMeasurement] { editor.youth.chronologicalMeasurements }

    /// Enter opens a measurement only when there is one; c compares only from two.
    var bindings: [KeyBinding] {
        KeyTable.bindings(for: kind).dropping(.open, when: measurements.isEmpty).dropping(.compare, when: measurements.count < 2)
    }

    func willAppear() { selected = min(selected, max(0, measurements.count - 1)) }

    func handle(_ key: Key) -> Navigation {
        message = nil
        switch bindings.action(for: key) {
        case .column:
            selected = min(max(0, selected + (key == .left ? -1 : 1)), max(0, measurements.count - 1))
        case .move: _ = domains.handle(key)
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
        selected = measurements.firstIndex { $0.id == created.id } ?? selected
        return .push(ZRMFormScreen(editor: editor, measurementID: created.id))
    }

    // MARK: - Drawing

    /// The rows above the domains (heading, blank, two header rows) and under them (acute, mean,
    /// blank, details, message).
    private static let rowsAbove = 4, rowsBelow = 5

    func resize(to area: Rect) {
        domains.resize(count: Catalog.lifeDomains.count, height: max(1, area.height - Self.rowsAbove - Self.rowsBelow))
    }

    private static let columnWidth = 6
    private static let nameWidth = 31

    func render(into canvas: inout Canvas, area: Rect) {
        let all = measurements
        canvas.put("\(editor.youth.name)  ·  Zelfredzaamheid-Matrix", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        guard !all.isEmpty else {
            canvas.putWrapped("Nog geen metingen. Druk op n voor de 0-meting.", row: area.row + 2, col: 2, width: area.width - 4, style: .dim)
            renderMessage(into: &canvas, area: area)
            return
        }
        let chartWidth = min(12, all.count) + 2
        let fit = max(1, (area.width - Self.nameWidth - chartWidth - 4) / Self.columnWidth)
        let first = min(max(0, selected - fit + 1), max(0, all.count - fit))
        let shown = Array(first..<min(all.count, first + fit))
        let chartCol = 2 + Self.nameWidth + shown.count * Self.columnWidth + 1
        var row = area.row + 2

        for (position, index) in shown.enumerated() {
            let col = 2 + Self.nameWidth + position * Self.columnWidth
            let style: Style = index == selected ? .selected : .heading
            canvas.put(all[index].moment.short, row: row, col: col, style: style, padTo: Self.columnWidth - 1)
            // Five columns: day and month for every measurement alike (the year of the selected
            // one is in the details below), so each column says which measurement it is.
            let date = all[index].date
            canvas.put(String(format: "%02d-%02d", date.day, date.month), row: row + 1, col: col, style: index == selected ? .selected : .dim,
                       padTo: Self.columnWidth - 1)
        }
        canvas.put("Leefgebied", row: row, col: 2, style: .heading)
        canvas.put("verloop", row: row, col: chartCol, style: .heading)
        // Measurements out of sight left or right are marked beside the columns.
        if first > 0 { canvas.put("◀", row: row, col: 1 + Self.nameWidth, style: .dim) }
        if first + shown.count < all.count { canvas.put("▶", row: row, col: chartCol - 1, style: .dim) }
        row += 2
        let domainRows = Rect(row: row, col: area.col, width: area.width, height: domains.height)
        domains.drawMarks(into: &canvas, rect: domainRows, col: area.col)
        // An acute score of the selected measurement out of sight gets a ! beside the mark.
        let acute = Catalog.lifeDomains.indices.filter { all[selected].score(Catalog.lifeDomains[$0].code) == 1 }
        if acute.contains(where: { $0 < domains.visible.lowerBound }) { canvas.put("!", row: domainRows.row, col: area.col + 1, style: .error) }
        if acute.contains(where: { $0 >= domains.visible.upperBound }) {
            canvas.put("!", row: domainRows.row + domainRows.height - 1, col: area.col + 1, style: .error)
        }
        for domain in domains.visible.map({ Catalog.lifeDomains[$0] }) {
            canvas.put(domain.name, row: row, col: 2, maxWidth: Self.nameWidth - 1)
            for (position, index) in shown.enumerated() {
                let score = all[index].score(domain.code)
                let text = score.map { $0 == 1 ? "1 !" : "\($0)" } ?? "·"
                let style: Style = score == 1 ? .error : index == selected ? .accent : score == nil ? .dim : .normal
                canvas.put(text, row: row, col: 2 + Self.nameWidth + position * Self.columnWidth, style: style)
            }
            canvas.put(Self.sparkline(all.suffix(12).map { $0.score(domain.code) }), row: row, col: chartCol, style: .accent)
            row += 1
        }
        for (label, value) in [("Acuut", { (m: ZRMMeasurement) in "\(m.acuteDomains.count)" }),
                               ("Gemiddelde", { (m: ZRMMeasurement) in m.average.map(Self.decimal) ?? "–" })] {
            canvas.put(label, row: row, col: 2, style: .heading)
            for (position, index) in shown.enumerated() {
                let style: Style = label == "Acuut" && all[index].acuteDomains.count > 0 ? .warning : .normal
                canvas.put(value(all[index]), row: row, col: 2 + Self.nameWidth + position * Self.columnWidth, style: style)
            }
            row += 1
        }
        let current = all[selected]
        var details = "\(current.moment.label) van \(current.date.text)"
        if !current.scoredBy.isEmpty { details += " · gescoord door \(current.scoredBy)" }
        details += " · \(current.scoredCount) van \(Catalog.lifeDomains.count) gescoord"
        if !current.corrections.isEmpty {
            details += " · \(current.corrections.count) correctie\(current.corrections.count == 1 ? "" : "s"), laatst \(current.corrections.last!.date.text)"
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
