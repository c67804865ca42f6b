import Caseload
import Foundation
import TerminalKit

/// One youth's profile: fields edited in place (Enter, type, Enter), the phase moved on or back
/// after a confirmation, and the history of phase changes.
final class YouthScreen: Screen {
    enum Field: CaseIterable {
        case name, dateOfBirth, municipality, phone, foundAt, foundAtDetail, referredBy, started, phase

        var label: String {
            switch self {
            case .name: "Naam"
            case .dateOfBirth: "Geboortedatum"
            case .municipality: "Gemeente"
            case .phone: "Telefoon"
            case .foundAt: "Vindplaats"
            case .foundAtDetail: "Toelichting vindplaats"
            case .referredBy: "Aangemeld door"
            case .started: "Start (gevonden op)"
            case .phase: "Fase"
            }
        }
    }

    private enum Mode {
        case browsing
        case editing(TextField)
        case picking(ListState)
    }

    let kind = ScreenKind.youth
    private let session: Session
    let editor: YouthEditor
    private var youth: Youth { editor.youth }
    private var fields = ListState(count: Field.allCases.count)
    private var mode = Mode.browsing
    private var error: String?

    init(session: Session, id: String) throws {
        self.session = session
        editor = try YouthEditor(session: session, id: id)
    }

    var title: String { youth.name }
    private var selectedField: Field { Field.allCases[fields.selected] }

    var capturesKeys: Bool {
        if case .browsing = mode { return false }
        return true
    }

    var bindings: [KeyBinding] {
        switch mode {
        case .browsing: KeyTable.bindings(for: kind)
        case .editing: ComponentKeys.field
        case .picking: ComponentKeys.picker(inForm: false)
        }
    }

    // MARK: - Keys

    func handle(_ key: Key) -> Navigation {
        switch mode {
        case .browsing: return handleBrowsing(key)
        case .editing(let field): return handleEditing(key, field)
        case .picking(var list): return handlePicking(key, &list)
        }
    }

    /// A date of birth outside 16-27 is allowed (the coach may know better) but asked about;
    /// Enter saves, as the coach typed the date on purpose. No: back to the field.
    private func ageQuestion(for field: TextField) -> Navigation? {
        guard selectedField == .dateOfBirth, let date = try? Youth.validDateOfBirth(field.text, today: session.today),
              date != youth.dateOfBirth, let warning = Youth.ageWarning(for: date, today: session.today) else { return nil }
        let question = Confirm(title: "Leeftijd", question: warning + " Toch opslaan?", yes: "ja, opslaan", no: "nee, terug", enterMeans: .yes)
        return .popup(ConfirmPopup(question) { [self] answer in
            if answer == .yes, save({ $0.dateOfBirth = date }) { mode = .browsing }
            return .stay
        })
    }

    private func handleBrowsing(_ key: Key) -> Navigation {
        error = nil
        switch KeyTable.action(for: key, on: kind) {
        case .move: _ = fields.handle(key, pageSize: Field.allCases.count)
        case .nextField: fields.select((fields.selected + 1) % Field.allCases.count)
        case .previousField: fields.select((fields.selected + Field.allCases.count - 1) % Field.allCases.count)
        case .edit: beginEdit()
        case .nextPhase:
            if let next = youth.phase.next { return askDate(for: next) }
            error = "Dit dossier is al afgesloten."
        case .previousPhase:
            if let previous = youth.phaseBefore { return askDate(for: previous) }
            error = "Scout is de eerste fase."
        case .openZRM: return .push(ZRMHistoryScreen(editor: editor))
        case .openQuickScan: return .push(QuickScanScreen(editor: editor))
        case .openPlan: return .push(ChangePlanScreen(editor: editor))
        case .openActions: return .push(ActionsScreen(editor: editor))
        case .openPeople: return .push(PeopleScreen(editor: editor))
        case .openMeetings: return .push(MeetingsScreen(editor: editor))
        case .back: return .pop
        default: break
        }
        return .stay
    }

    /// A phase change waits for its date: today, or the day it really happened.
    private func askDate(for phase: Phase) -> Navigation {
        let prompt = Prompt(title: "Fase wijzigen",
                            question: "Fase van \(youth.name) wijzigen van \(youth.phase.label) naar \(phase.label). "
                                + "Op welke dag? Vandaag, of de dag waarop het echt gebeurde.",
                            label: "Datum (dd-mm-jjjj)", text: session.today.text, enterLabel: "wijzig")
        return .popup(PromptPopup(prompt) { [self] text in
            do throws(InputError) {
                var changed = youth
                try changed.move(to: phase, on: try LocalDate.parseInput(text), today: session.today, now: session.now)
                return save({ $0 = changed }) ? .done(.stay) : .refuse(self.error ?? "Niet opgeslagen.")
            } catch {
                return .refuse(error.message)
            }
        })
    }

    private func beginEdit() {
        switch selectedField {
        case .foundAt:
            mode = .picking(ListState(count: Channel.allCases.count + 1, selected: youth.foundAt.flatMap { Channel.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0))
        case .phase:
            mode = .picking(ListState(count: Phase.allCases.count, selected: Phase.allCases.firstIndex(of: youth.phase) ?? 0))
        default:
            mode = .editing(TextField(currentText(of: selectedField)))
        }
    }

    private func handleEditing(_ key: Key, _ field: TextField) -> Navigation {
        switch FieldEdit.handle(key, field) {
        case .editing(let edited): mode = .editing(edited)
        case .cancelled:
            error = nil
            mode = .browsing
        case .confirmed(_, let move):
            mode = .editing(field)
            if let question = ageQuestion(for: field) { return question }
            // Tab confirms and opens the next field for typing: type, Tab, type, Tab.
            let before = fields.selected
            if commit(field), move != 0 {
                fields.select(fields.selected + move)
                if fields.selected != before { beginEdit() }
            }
        }
        return .stay
    }

    private func handlePicking(_ key: Key, _ list: inout ListState) -> Navigation {
        switch key {
        case .escape:
            mode = .browsing
        case .enter:
            mode = .browsing
            if selectedField == .phase {
                let phase = Phase.allCases[list.selected]
                if phase != youth.phase { return askDate(for: phase) }
            } else {
                let channel = list.selected == 0 ? nil : Channel.allCases[list.selected - 1]
                if !save({ $0.foundAt = channel }) { mode = .picking(list) }
            }
        default:
            _ = list.handle(key, pageSize: list.count)
            mode = .picking(list)
        }
        return .stay
    }

    /// Validates and saves the edited field. On a refusal the field stays open with the reason.
    private func commit(_ field: TextField) -> Bool {
        let text = field.text
        do {
            switch selectedField {
            case .name:
                let name = try Youth.validName(text)
                return finish { $0.name = name }
            case .dateOfBirth:
                let date = try Youth.validDateOfBirth(text, today: session.today)
                return finish { $0.dateOfBirth = date }
            case .municipality:
                let value = try Youth.validText(text, field: "De gemeente")
                return finish { $0.municipality = value }
            case .phone:
                let value = try Youth.validPhone(text)
                return finish { $0.phone = value }
            case .foundAtDetail:
                let value = try Youth.validText(text, field: "De toelichting")
                return finish { $0.foundAtDetail = value }
            case .referredBy:
                let value = try Youth.validText(text, field: "Aangemeld door")
                return finish { $0.referredBy = value }
            case .started:
                let day = try LocalDate.parseInput(text)
                var changed = youth
                try changed.setStart(day, today: session.today, now: session.now)
                return finish { $0 = changed }
            case .foundAt, .phase:
                return false
            }
        } catch {
            self.error = error.message
            return false
        }
    }

    private func finish(_ change: (inout Youth) -> Void) -> Bool {
        guard save(change) else { return false }
        mode = .browsing
        return true
    }

    /// Saves at once; on failure (a full disk, say) the coach sees why and the edit stays open.
    private func save(_ change: (inout Youth) -> Void) -> Bool {
        error = editor.apply { change(&$0) }
        return error == nil
    }

    private func currentText(of field: Field) -> String {
        switch field {
        case .name: youth.name
        case .dateOfBirth: youth.dateOfBirth?.text ?? ""
        case .municipality: youth.municipality
        case .phone: youth.phone
        case .foundAt: youth.foundAt?.label ?? ""
        case .foundAtDetail: youth.foundAtDetail
        case .referredBy: youth.referredBy
        case .started: youth.started?.text ?? ""
        case .phase: youth.phase.label
        }
    }

    // MARK: - Drawing

    func render(into canvas: inout Canvas, area: Rect) {
        let today = session.today
        let labelWidth = 24
        let valueCol = 2 + labelWidth
        let valueWidth = area.width - valueCol - 2
        let width = area.width - 4
        var row = area.row + 1
        let since = youth.phaseSince.map { " sinds \($0.text)" } ?? ""
        let headingWidth = canvas.put(youth.name, row: row, col: 2, style: .heading, maxWidth: width)
        canvas.put("  ·  \(youth.phase.label)\(since)", row: row, col: 2 + headingWidth, style: .accent, maxWidth: width - headingWidth)
        row += 2

        // The ZRM line (an acute domain!) and an error always show, wrapped; on a small screen the
        // fields scroll (▲ ▼ mark more) and the history keeps at least its latest change.
        let zrm = Glyphs.wrap(zrmSummary, width: width)
        let errors = error.map { Glyphs.wrap($0, width: width) } ?? []
        let fieldRows = min(Field.allCases.count, max(3, area.height - (3 + 1 + zrm.count + errors.count + 1 + 3 + 1)))
        let shown = fields.visibleRange(height: fieldRows)
        for index in shown {
            let field = Field.allCases[index]
            let selected = index == fields.selected
            let style: Style = selected ? .selected : .normal
            canvas.put(field.label, row: row, col: 2, style: selected ? .selected : .dim, padTo: labelWidth)
            if selected, case .editing(let text) = mode {
                text.render(into: &canvas, row: row, col: valueCol, width: valueWidth)
            } else {
                let (value, valueStyle) = display(field, today: today)
                canvas.put(value, row: row, col: valueCol, style: selected ? style : valueStyle, padTo: valueWidth)
            }
            if index == shown.lowerBound, index > 0 { canvas.put("▲", row: row, col: 0, style: .dim) }
            if index == shown.upperBound - 1, shown.upperBound < Field.allCases.count { canvas.put("▼", row: row, col: 0, style: .dim) }
            row += 1
        }
        row += 1
        let acute = !(youth.latestMeasurement?.acuteDomains.isEmpty ?? true)
        for line in zrm {
            canvas.put(line, row: row, col: 2, style: acute ? .warning : .dim, maxWidth: width)
            row += 1
        }
        for line in errors {
            canvas.put(line, row: row, col: 2, style: .error, maxWidth: width)
            row += 1
        }
        row += 1
        renderHistory(into: &canvas, from: row, to: area.row + area.height - 2)
        canvas.put("Nr \(youth.id.prefix(8)) · aangemaakt \(session.day(of: youth.created).text) · gewijzigd \(session.dateTime(youth.updated))",
                   row: area.row + area.height - 1, col: 2, style: .dim, maxWidth: width)
        renderOverlay(into: &canvas)
    }

    /// One line on the ZRM: how many measurements, the latest, its acute domains.
    private var zrmSummary: String {
        guard let latest = youth.latestMeasurement else {
            return YouthSummary(youth).measurementDue ? "ZRM: nog geen meting; z om te scoren" : "ZRM: nog geen meting"
        }
        let acute = latest.acuteDomains.compactMap { Catalog.lifeDomain($0)?.name }
        var text = "ZRM: \(youth.measurements.count) meting\(youth.measurements.count == 1 ? "" : "en"), laatste \(latest.moment.label) van \(latest.date.text)"
        text += acute.isEmpty ? "" : " · ACUUT: " + acute.joined(separator: ", ")
        return text
    }

    private func display(_ field: Field, today: LocalDate) -> (String, Style) {
        switch field {
        case .dateOfBirth:
            guard let date = youth.dateOfBirth else { return ("–", .dim) }
            let age = date.years(until: today)
            if Youth.ageWarning(for: date, today: today) != nil {
                return ("\(date.text) · \(age) jaar (buiten \(Youth.intendedAges.lowerBound)-\(Youth.intendedAges.upperBound))", .warning)
            }
            return ("\(date.text) · \(age) jaar", .normal)
        case .phase:
            return (youth.phase.label, .accent)
        default:
            let text = currentText(of: field)
            return text.isEmpty ? ("–", .dim) : (text, .normal)
        }
    }

    /// The phase changes, newest first, in the rows from `top` to `bottom`; when not all fit, the
    /// last row says how many earlier ones there are.
    private func renderHistory(into canvas: inout Canvas, from top: Int, to bottom: Int) {
        guard bottom - top >= 1 else { return }
        canvas.put("Fasegeschiedenis", row: top, col: 2, style: .heading)
        let changes = Array(youth.phaseHistory.reversed())
        let room = bottom - top
        let shown = changes.count > room ? Array(changes.prefix(max(0, room - 1))) : changes
        for (offset, change) in shown.enumerated() {
            let step = change.from.map { "\($0.label) → \(change.to.label)" } ?? "start in \(change.to.label)"
            canvas.put("\(change.date.text)  \(step)", row: top + 1 + offset, col: 4, maxWidth: canvas.width - 6)
        }
        if shown.count < changes.count {
            canvas.put("… en \(changes.count - shown.count) eerdere", row: top + 1 + shown.count, col: 4, style: .dim, maxWidth: canvas.width - 6)
        }
    }

    private func renderOverlay(into canvas: inout Canvas) {
        switch mode {
        case .picking(let list):
            let options = selectedField == .phase ? Phase.allCases.map(\.label) : ["– (geen)"] + Channel.allCases.map(\.label)
            Chrome.picker(&canvas, title: selectedField.label, options: options, state: list)
        default:
            break
        }
    }
}
