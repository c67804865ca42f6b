import Caseload
import TerminalKit

/// One ZRM measurement: date, moment and scorer, then the 13 life domains, each scored with the
/// digits 1-5 (or ← →) with a note, beside the previous measurement's score and the direction.
/// A score of 1 is marked ACUUT in text as well as in colour.
final class ZRMFormScreen: FormScreen, OfOneYouth {
    let kind = ScreenKind.zrmForm
    let editor: YouthEditor
    private let measurementID: String
    /// Lazy: its fields read this screen.
    private(set) lazy var form = makeForm()

    init(editor: YouthEditor, measurementID: String) {
        self.editor = editor
        self.measurementID = measurementID
        form.select(Self.firstDomain)
    }

    /// Date, moment and scorer come first; the domains follow in the catalog's order.
    private static let firstDomain = 3

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
    private var selectedDomain: LifeDomain? {
        let index = form.selection - Self.firstDomain
        return Catalog.lifeDomains.indices.contains(index) ? Catalog.lifeDomains[index] : nil
    }



    // MARK: - Fields

    private func makeForm() -> Form {
        let today = editor.session.today
        var fields: [Form.Field] = [
            .init(label: "Datum", value: { [unowned self] in measurement.date.text }, edit: .date(optional: false) { [unowned self] day in
                change { m throws(InputError) in try m.setDate(day ?? m.date, today: today) }
            }),
            .init(label: "Moment", value: { [unowned self] in measurement.moment.label }, edit: .choice(
                options: { MeasurementMoment.allCases.map(\.label) },
                selected: { [unowned self] in MeasurementMoment.allCases.firstIndex(of: measurement.moment) ?? 0 },
                commit: { [unowned self] index in change { m throws(InputError) in m.setMoment(MeasurementMoment.allCases[index], today: today) } })),
            .init(label: "Gescoord door", value: { [unowned self] in measurement.scoredBy }, edit: .text { [unowned self] input in
                change { m throws(InputError) in try m.setScoredBy(input, today: today) }
            }),
        ]
        fields += Catalog.lifeDomains.map { domain in
            .init(label: domain.name, value: { [unowned self] in measurement.note(domain.code) }, edit: .text { [unowned self] input in
                change { m throws(InputError) in try m.setNote(input, for: domain.code, today: today) }
            }, cells: { [unowned self] in cells(for: domain) }, editColumn: 2)
        }
        let form = Form(kind: kind, session: editor.session, items: fields.map { .field($0) }, labelWidth: 31,
                        columns: [.init("Score", width: 23, minimum: 23), .init("Vorige", width: 7, minimum: 6), .init("Toelichting", width: 40, minimum: 0)])
        form.footer = { [unowned self] in footerLines }
        return form
    }

    /// A domain's row: the score (1 is ACUUT in text as well as colour), the previous score with
    /// the direction, the note.
    private func cells(for domain: LifeDomain) -> [(text: String, style: Style)] {
        let m = measurement
        let score: (String, Style) = switch m.score(domain.code) {
        case nil: ("– nog niet gescoord", .dim)
        case 1: ("1 ACUUT", .error)
        case let score?: ("\(score) \(Catalog.scaleLabel(score))", .normal)
        }
        var before: (String, Style) = ("", .dim)
        if let previous {
            let old = previous.score(domain.code)
            let direction = ZRMComparison.direction(old, m.score(domain.code))
            before = ("\(old.map(String.init) ?? "–") \(direction.arrow)", direction == .up ? .accent : direction == .down ? .warning : .dim)
        }
        return [score, before, (Form.oneLine(m.note(domain.code)), .dim)]
    }

    /// The selected domain's hint, or the corrections made after the day it was recorded.
    private var footerLines: [(text: String, style: Style)] {
        if let domain = selectedDomain { return [("\(domain.name): \(domain.hint)", .dim)] }
        let m = measurement
        guard let last = m.corrections.last else { return [] }
        return [("\(m.corrections.count) correctie(s) na \(m.recordedOn.text), laatst op \(last.date.text)", .dim)]
    }

    // MARK: - Keys

    func handle(_ key: Key) -> Navigation {
        if let navigation = form.handle(key) { return navigation }
        let today = editor.session.today
        switch KeyTable.action(for: key, on: kind) {
        case .score:
            guard let domain = selectedDomain, case .char(let digit) = key, let score = Int(String(digit)) else { break }
            form.error = change { m throws(InputError) in try m.setScore(score, for: domain.code, today: today) }
            if form.error == nil { form.select(form.selection + 1) }
        case .scoreStep:
            guard let domain = selectedDomain else { break }
            let current = measurement.score(domain.code)
            let next = key == .right ? min(5, (current ?? 0) + 1) : current.map { max(1, $0 - 1) }
            form.error = change { m throws(InputError) in try m.setScore(next, for: domain.code, today: today) }
        case .clearScore:
            guard let domain = selectedDomain else { break }
            form.error = change { m throws(InputError) in try m.setScore(nil, for: domain.code, today: today) }
        case .back: return .pop
        default: break
        }
        return .stay
    }

    /// Changes this measurement and saves the youth at once; returns why it failed, if it did.
    private func change(_ update: (inout ZRMMeasurement) throws(InputError) -> Void) -> String? {
        let id = measurementID
        return editor.apply { youth throws(InputError) in try youth.updateMeasurement(id, update) }
    }

    // MARK: - Drawing

    func render(into canvas: inout Canvas, area: Rect) {
        let m = measurement
        let summary = "\(m.scoredCount) van \(Catalog.lifeDomains.count) gescoord · \(m.acuteDomains.count) acuut"
        let nameWidth = canvas.put(editor.youth.name, row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        canvas.put("  ·  \(summary)", row: area.row, col: 2 + nameWidth, style: m.acuteDomains.isEmpty ? .accent : .warning,
                   maxWidth: area.width - 4 - nameWidth)
        form.render(into: &canvas)
    }
}
