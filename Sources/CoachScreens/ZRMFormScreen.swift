import Caseload
import TerminalKit

/// One ZRM measurement: date, moment and scorer, then the 13 life domains, each scored with the
/// digits 1-5 (or ← →) with a note, beside the previous measurement's score and the direction.
/// A score of 1 is marked ACUUT in text as well as in colour.
final class ZRMFormScreen: Screen, FormScreen {
    private enum Row: Equatable {
        case date, moment, scoredBy
        case domain(LifeDomain)

        var label: String {
            switch self {
            case .date: "Datum"
            case .moment: "Moment"
            case .scoredBy: "Gescoord door"
            case .domain(let domain): domain.name
            }
        }

        var isDomain: Bool {
            if case .domain = self { return true }
            return false
        }
    }

    let kind = ScreenKind.zrmForm
    private let editor: YouthEditor
    private let measurementID: String
    private let rows: [Row] = [.date, .moment, .scoredBy] + Catalog.lifeDomains.map { .domain($0) }
    var list: ListState
    var mode = FormMode.browsing
    var error: String?
    /// The screen area, from the App's resize: the page of rows depends on it and on the footer.
    private var area = Rect(row: 1, col: 0, width: 80, height: 22)
    private var pageSize: Int { Self.pageSize(in: area, footer: footerLines(measurement, width: area.width - 4).count) }
    private static func pageSize(in area: Rect, footer: Int) -> Int { max(1, area.height - 3 - footer) }

    func resize(to area: Rect) { self.area = area }

    init(editor: YouthEditor, measurementID: String) {
        self.editor = editor
        self.measurementID = measurementID
        list = ListState(count: rows.count, selected: 3)
    }

    private var measurement: ZRMMeasurement {
        editor.youth.measurements.first { $0.id == measurementID }
            ?? ZRMMeasurement(date: editor.session.today, moment: .interim, scoredBy: "", recordedOn: editor.session.today)
    }

    /// The measurement before this one in time, whose scores are shown beside.
    private var previous: ZRMMeasurement? {
        let all = editor.youth.chronologicalMeasurements
        return all.firstIndex { $0.id == measurementID }.flatMap { $0 > 0 ? all[$0 - 1] : nil }
    }

    var title: String { measurement.moment.label }
    private var selectedRow: Row { rows[list.selected] }

    var capturesKeys: Bool { mode.capturesKeys }
    var bindings: [KeyBinding] { mode.bindings(for: kind) }

    // MARK: - Keys

    func handle(_ key: Key) -> Navigation {
        switch mode {
        case .browsing:
            error = nil
            return handleBrowsing(key)
        default:
            handleFormEdit(key)
        }
        return .stay
    }

    func choose(_ index: Int) -> Bool {
        let moment = MeasurementMoment.allCases[index]
        return change { m throws(InputError) in m.setMoment(moment, today: editor.session.today) }
    }

    private func handleBrowsing(_ key: Key) -> Navigation {
        let today = editor.session.today
        switch KeyTable.action(for: key, on: kind) {
        case .move: _ = list.handle(key, pageSize: pageSize)
        case .nextField: list.select(list.selected + 1)
        case .previousField: list.select(list.selected - 1)
        case .score:
            guard case .domain(let domain) = selectedRow, case .char(let digit) = key, let score = Int(String(digit)) else { break }
            if change({ m throws(InputError) in try m.setScore(score, for: domain.code, today: today) }) {
                list.select(list.selected + 1)
            }
        case .scoreStep:
            guard case .domain(let domain) = selectedRow else { break }
            let current = measurement.score(domain.code)
            let next = key == .right ? min(5, (current ?? 0) + 1) : current.map { max(1, $0 - 1) }
            _ = change { m throws(InputError) in try m.setScore(next, for: domain.code, today: today) }
        case .clearScore:
            guard case .domain(let domain) = selectedRow else { break }
            _ = change { m throws(InputError) in try m.setScore(nil, for: domain.code, today: today) }
        case .edit: openSelectedForTyping()
        case .back: return .pop
        default: break
        }
        return .stay
    }

    func openSelectedForTyping() {
        switch selectedRow {
        case .date: mode = .editing(TextField(measurement.date.text))
        case .moment:
            mode = .picking(ListState(count: MeasurementMoment.allCases.count,
                                      selected: MeasurementMoment.allCases.firstIndex(of: measurement.moment) ?? 0))
        case .scoredBy: mode = .editing(TextField(measurement.scoredBy))
        case .domain(let domain): mode = .editing(TextField(measurement.note(domain.code)))
        }
    }

    /// Validates and saves a typed value for the selected row.
    func commit(_ text: String) -> Bool {
        let today = editor.session.today
        switch selectedRow {
        case .date:
            do {
                let date = try LocalDate.parse(text)
                return change { m throws(InputError) in try m.setDate(date, today: today) }
            } catch {
                self.error = error.message
                return false
            }
        case .scoredBy: return change { m throws(InputError) in try m.setScoredBy(text, today: today) }
        case .domain(let domain): return change { m throws(InputError) in try m.setNote(text, for: domain.code, today: today) }
        case .moment: return true
        }
    }

    /// Changes this measurement and saves the youth at once; on failure says why.
    private func change(_ update: (inout ZRMMeasurement) throws(InputError) -> Void) -> Bool {
        let id = measurementID
        error = editor.apply { youth throws(InputError) in try youth.updateMeasurement(id, update) }
        return error == nil
    }

    // MARK: - Drawing

    func render(into canvas: inout Canvas, area: Rect) {
        let m = measurement
        // Below 80 columns the names give way, so that score and previous score still fit.
        let labelWidth = area.width >= 80 ? 31 : 24
        let scoreCol = 2 + labelWidth, previousCol = scoreCol + 24, noteCol = previousCol + 8
        let noteWidth = area.width - noteCol - 1
        let summary = "\(m.scoredCount) van \(Catalog.lifeDomains.count) gescoord · \(m.acuteDomains.count) acuut"
        let nameWidth = canvas.put(editor.youth.name, row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        canvas.put("  ·  \(summary)", row: area.row, col: 2 + nameWidth, style: m.acuteDomains.isEmpty ? .accent : .warning,
                   maxWidth: area.width - 4 - nameWidth)

        let header = area.row + 2
        canvas.put("Score", row: header, col: scoreCol, style: .heading)
        canvas.put("Vorige", row: header, col: previousCol, style: .heading)
        if noteWidth > 8 { canvas.put("Toelichting", row: header, col: noteCol, style: .heading) }

        let footer = footerLines(m, width: area.width - 4)
        let pageSize = Self.pageSize(in: area, footer: footer.count)
        let previous = previous
        for (line, index) in list.visibleRange(height: pageSize).enumerated() {
            let row = header + 1 + line
            let entry = rows[index]
            let selected = index == list.selected
            canvas.put(Glyphs.truncate(entry.label, to: labelWidth - 1), row: row, col: 2,
                       style: selected ? .selected : entry.isDomain ? .normal : .dim, padTo: labelWidth - 1)
            if selected, case .editing(let field) = mode {
                let col = entry.isDomain ? noteCol : scoreCol
                field.render(into: &canvas, row: row, col: col, width: area.width - col - 1)
                if entry.isDomain { renderScore(m, entry, row: row, col: scoreCol, into: &canvas) }
                continue
            }
            switch entry {
            case .date: canvas.put(m.date.text, row: row, col: scoreCol)
            case .moment: canvas.put(m.moment.label, row: row, col: scoreCol)
            case .scoredBy: canvas.put(m.scoredBy.isEmpty ? "–" : m.scoredBy, row: row, col: scoreCol, style: m.scoredBy.isEmpty ? .dim : .normal)
            case .domain(let domain):
                renderScore(m, entry, row: row, col: scoreCol, into: &canvas)
                if let previous {
                    let before = previous.score(domain.code)
                    let direction = ZRMComparison.direction(before, m.score(domain.code))
                    let style: Style = direction == .up ? .accent : direction == .down ? .warning : .dim
                    canvas.put("\(before.map(String.init) ?? "–") \(direction.arrow)", row: row, col: previousCol, style: style)
                }
                if noteWidth > 8 {
                    canvas.put(Glyphs.truncate(m.note(domain.code), to: noteWidth), row: row, col: noteCol, style: .dim, maxWidth: noteWidth)
                }
            }
        }
        for (offset, line) in footer.enumerated() {
            canvas.put(line.text, row: area.row + area.height - footer.count + offset, col: 2, style: line.style, maxWidth: area.width - 4)
        }
        if case .picking(let picker) = mode {
            Chrome.picker(&canvas, title: "Moment", options: MeasurementMoment.allCases.map(\.label), state: picker)
        }
    }

    private func renderScore(_ m: ZRMMeasurement, _ entry: Row, row: Int, col: Int, into canvas: inout Canvas) {
        guard case .domain(let domain) = entry else { return }
        switch m.score(domain.code) {
        case nil: canvas.put("– nog niet gescoord", row: row, col: col, style: .dim)
        case 1: canvas.put("1 ACUUT", row: row, col: col, style: .error)
        case let score?: canvas.put("\(score) \(Catalog.scaleLabel(score))", row: row, col: col)
        }
    }

    /// The selected domain's hint and full note, or the reason a value was refused: wrapped,
    /// so nothing is cut; a long note shows its first lines and ends in "…".
    private func footerLines(_ m: ZRMMeasurement, width: Int) -> [(text: String, style: Style)] {
        var lines: [(String, Style)] = []
        if case .domain(let domain) = selectedRow {
            lines += Glyphs.wrap("\(domain.name): \(domain.hint)", width: width).map { ($0, .dim) }
        }
        if let error {
            lines += Glyphs.wrap(error, width: width).map { ($0, .error) }
        } else if case .domain(let domain) = selectedRow, !m.note(domain.code).isEmpty {
            var note = Glyphs.wrap(m.note(domain.code), width: width)
            if note.count > 2 { note = [note[0], Glyphs.truncate(note[1...].joined(separator: " "), to: width)] }
            lines += note.map { ($0, .normal) }
        } else if !m.corrections.isEmpty {
            let text = "\(m.corrections.count) correctie(s) na \(m.recordedOn.text), laatst op \(m.corrections.last!.date.text)"
            lines += Glyphs.wrap(text, width: width).map { ($0, .dim) }
        }
        return lines
    }
}
