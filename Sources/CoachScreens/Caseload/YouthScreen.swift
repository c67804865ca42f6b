import Caseload
import Foundation
import TerminalKit

/// One youth's profile: a form of the person and how they were found (each field saved when
/// confirmed), the phase moved on or back with the day it happened, the ZRM in one line and
/// the history of phase changes.
final class YouthScreen: FormScreen, OfOneYouth {
    let kind = ScreenKind.youth
    private let session: Session
    let editor: YouthEditor
    private var youth: Youth { editor.youth }
    /// Lazy: its fields read this screen.
    private(set) lazy var form = Form(kind: kind, session: session, items: items(), labelWidth: 24)
    private var area = Rect(row: 1, col: 0, width: 80, height: 22)

    init(session: Session, id: String) throws {
        self.session = session
        editor = try YouthEditor(session: session, id: id)
    }

    var title: String { youth.name }

    /// The keys of the end of the method by the state of the case: closing on an open case,
    /// reopening on a closed one, the borg intensity only in Borgen.
    var bindings: [KeyBinding] {
        if let editing = form.editingBindings { return editing }
        let rows = KeyTable.bindings(for: kind)
            .dropping(.closeCase, .nextPhase, when: youth.phase == .closed)
            .dropping(.reopenCase, when: youth.phase != .closed)
            .dropping(.setBorgIntensity, when: youth.phase != .borg)
        // On a closed case `t` opens the reopening form, not a step back.
        guard youth.phase == .closed else { return rows }
        return rows.naming(.previousPhase, "heropenen", help: Self.reopenHelp)
    }

    static let reopenHelp = "Heropenen: een formulier met de reden en de datum; na bevestiging gaat het dossier terug naar de fase van vóór het afsluiten"

    // MARK: - Fields

    private func items() -> [Form.Item] {
        func text(_ label: String, _ path: WritableKeyPath<Youth, String>, _ check: @escaping (String) throws(InputError) -> String) -> Form.Item {
            .field(.init(label: label, value: { [unowned self] in youth[keyPath: path] }, edit: .text { [unowned self] input in
                editor.apply { y throws(InputError) in y[keyPath: path] = try check(input) }
            }))
        }
        let channels: [Channel?] = [nil] + Channel.allCases
        return [
            .heading("Persoon"),
            text("Naam", \.name) { input throws(InputError) in try Youth.validName(input) },
            .field(.init(label: "Geboortedatum", value: { [unowned self] in youth.dateOfBirth?.text ?? "" },
                         edit: .line { [unowned self] input in saveDateOfBirth(input) },
                         cells: { [unowned self] in [dateOfBirthCell] })),
            text("Gemeente", \.municipality) { input throws(InputError) in try Youth.validText(input, field: "De gemeente") },
            text("Telefoon", \.phone) { input throws(InputError) in try Youth.validPhone(input) },
            .heading("Aanmelding en fase"),
            .field(.init(label: "Vindplaats", value: { [unowned self] in youth.foundAt?.label ?? "" }, edit: .choice(
                options: { ["– (geen)"] + Channel.allCases.map(\.label) },
                selected: { [unowned self] in channels.firstIndex(of: youth.foundAt) ?? 0 },
                commit: { [unowned self] index in editor.apply { $0.foundAt = channels[index] } }))),
            text("Toelichting vindplaats", \.foundAtDetail) { input throws(InputError) in try Youth.validText(input, field: "De toelichting") },
            text("Aangemeld door", \.referredBy) { input throws(InputError) in try Youth.validText(input, field: "Aangemeld door") },
            .field(.init(label: "Start (gevonden op)", value: { [unowned self] in youth.started?.text ?? "" },
                         edit: .date(optional: false) { [unowned self] day in
                editor.apply { y throws(InputError) in try y.setStart(day ?? session.today, today: session.today, now: session.now) }
            })),
            .field(.init(label: "Fase", value: { [unowned self] in youth.phase.label }, edit: .pick(
                options: { Phase.allCases.map(\.label) },
                selected: { [unowned self] in Phase.allCases.firstIndex(of: youth.phase) ?? 0 },
                commit: { [unowned self] index in
                    let phase = Phase.allCases[index]
                    // Closing and reopening ask more than a day: they have their own forms.
                    if phase == youth.phase { return .saved }
                    if youth.phase == .closed { return .open(ReopeningForm(editor: editor)) }
                    if phase == .closed { return .open(ClosingForm(editor: editor)) }
                    return .ask(askDate(for: phase))
                }), cells: { [unowned self] in [(youth.phase.label, .accent)] })),
            .field(.init(label: "Scout: pogingen, akkoord", value: { [unowned self] in scoutText },
                         edit: .open { [unowned self] in ScoutAttemptsScreen(editor: editor) })),
            .field(.init(label: "Contactjournaal", value: { [unowned self] in journalText.text },
                         edit: .open { [unowned self] in JournalScreen(editor: editor) },
                         cells: { [unowned self] in [journalText] })),
        ]
    }

    private var scoutText: String {
        let count = youth.scoutAttempts.count
        return "\(count) contactpoging\(count == 1 ? "" : "en")" + (youth.agreedOn.map { " · akkoord \($0.text)" } ?? " · nog geen akkoord")
    }

    /// How many contacts, and how long since the last real one (marked past the coach's threshold).
    private var journalText: (text: String, style: Style) {
        let count = youth.journal.count
        guard let last = youth.lastContact else { return ("\(count) regel\(count == 1 ? "" : "s") · nog geen contact", .dim) }
        let late = youth.isOutOfContact(limit: session.store.settings.contactDays, today: session.today)
        return ("\(count) regel\(count == 1 ? "" : "s") · laatste contact \(Wording.lastContact(last, today: session.today))", late || last > session.today ? .warning : .normal)
    }

    /// What is due, by the coach's thresholds: a meting, a phase that lasts too long.
    private var dueText: String? {
        let settings = session.store.settings
        let today = session.today
        var parts: [String] = []
        if let due = youth.measurementDue(weeks: settings.measurementWeeks, today: today) { parts.append(due.text(today: today)) }
        if let weeks = youth.phaseTooLong(weeks: settings.phaseWeeks, today: today) {
            parts.append("\(youth.phase.label) duurt al \(weeks) weken (drempel \(settings.phaseWeeks[youth.phase] ?? 0))")
        }
        if let weeks = youth.readyToClose(weeks: settings.readyToCloseWeeks, today: today) {
            parts.append("\(weeks) weken afgebouwd: klaar om af te sluiten (drempel \(settings.readyToCloseWeeks))")
        }
        return parts.isEmpty ? nil : "Let op: " + parts.joined(separator: " · ")
    }

    /// The phase and since when; in Borgen the intensity, for a closed case its outcome.
    private var phaseText: String {
        var text = youth.phase.label + (youth.phaseSince.map { " sinds \($0.text)" } ?? "")
        if let step = youth.borgStep {
            text += " · \(step.intensity.label) sinds \(step.date.text)"
        } else if youth.phase == .borg {
            // Entered Borgen (or reopened into it) without an intensity since.
            text += " · intensiteit: nog niet gekozen" + (bindings.keyName(for: .setBorgIntensity).map { " (\($0))" } ?? "")
        }
        if youth.phase == .closed { text += " · " + (youth.currentClosure.map { "uitstroom: \($0.outcomeText)" } ?? "geen uitstroom vastgelegd") }
        return text
    }

    /// The oldest open escalation in one line, its question cut with … (e opens them all).
    private var escalationLine: String? {
        guard let open = youth.openEscalations.first else { return nil }
        let more = youth.openEscalations.count > 1 ? " (+\(youth.openEscalations.count - 1))" : ""
        return "Escalatie (\(open.level.label)) sinds \(open.raisedOn.text)\(more): \(Form.oneLine(open.question))"
    }

    /// A date of birth outside 16-27 is allowed (the coach may know better) but asked about;
    /// Enter saves, as the coach typed the date on purpose. No: back to the field.
    private func saveDateOfBirth(_ input: String) -> Form.Reply {
        do throws(InputError) {
            let date = try Youth.validDateOfBirth(input, today: session.today)
            guard date != youth.dateOfBirth, let warning = Youth.ageWarning(for: date, today: session.today) else {
                return Form.Reply(failure: editor.apply { $0.dateOfBirth = date })
            }
            let question = Confirm(title: "Leeftijd", question: warning + " Toch opslaan?", yes: "ja, opslaan", no: "nee, terug", enterMeans: .yes)
            return .ask(ConfirmPopup(question) { [self] answer in
                guard answer == .yes else { return .stay }
                if let failure = editor.apply({ $0.dateOfBirth = date }) { form.error = failure } else { form.finishEditing() }
                return .stay
            })
        } catch {
            return .refused(error.message)
        }
    }

    private var dateOfBirthCell: (text: String, style: Style) {
        guard let date = youth.dateOfBirth else { return ("–", .dim) }
        let age = date.years(until: session.today)
        if Youth.ageWarning(for: date, today: session.today) != nil {
            return ("\(date.text) · \(age) jaar (buiten \(Youth.intendedAges.lowerBound)-\(Youth.intendedAges.upperBound))", .warning)
        }
        return ("\(date.text) · \(age) jaar", .normal)
    }

    // MARK: - Keys

    func handle(_ key: Key) -> Navigation {
        defer { layOut() }
        if let navigation = form.handle(key) { return navigation }
        switch bindings.action(for: key) {
        case .nextPhase:
            // After Borgen comes closing, which asks more than a day.
            if youth.phase.next == .closed { return .push(ClosingForm(editor: editor)) }
            if let next = youth.phase.next { return .popup(askDate(for: next)) }
        case .previousPhase:
            if youth.phase == .closed { return .push(ReopeningForm(editor: editor)) }
            if let previous = youth.phaseBefore { return .popup(askDate(for: previous)) }
            form.error = "Scout is de eerste fase."
        case .closeCase: return .push(ClosingForm(editor: editor))
        case .reopenCase: return .push(ReopeningForm(editor: editor))
        case .setBorgIntensity: return .popup(BorgIntensityPopup.make(editor: editor))
        case .openEscalations: return .push(EscalationsScreen(editor: editor))
        case .eraseCase:
            return .popup(CaseErasure.popup(session: session, youthID: youth.id, name: youth.name))
        case .openZRM: return .push(ZRMHistoryScreen(editor: editor))
        case .openQuickScan: return .push(QuickScanScreen(editor: editor))
        case .openPlan: return .push(ChangePlanScreen(editor: editor))
        case .openActions: return .push(ActionsScreen(editor: editor))
        case .openPeople: return .push(PeopleScreen(editor: editor))
        case .openMeetings: return .push(MeetingsScreen(editor: editor))
        case .openJournal: return .push(JournalScreen(editor: editor))
        case .openPhaseHistory: return .push(PhaseHistoryScreen(editor: editor))
        case .openMatch: return .push(MatchScreen(editor: editor))
        case .openPlacements: return .push(PlacementsScreen(editor: editor))
        case .openUserManual: return .push(UserManualScreen(editor: editor))
        case .openTalks: return .push(TalksScreen(editor: editor))
        case .back: return .pop
        default: break
        }
        return .stay
    }

    /// A phase change waits for its date: today, or the day it really happened.
    private func askDate(for phase: Phase) -> PromptPopup {
        DatePrompt.popup(title: "Fase wijzigen",
                         question: "Fase van \(youth.name) wijzigen van \(youth.phase.label) naar \(phase.label). "
                             + "Op welke dag? Vandaag, of de dag waarop het echt gebeurde.",
                         day: session.today, enterLabel: "wijzig") { [self] day throws(InputError) in
            var changed = youth
            try changed.move(to: phase, on: day, today: session.today, now: session.now)
            if let failure = editor.apply({ $0 = changed }) { return failure }
            form.finishEditing()
            return nil
        }
    }

    // MARK: - Drawing

    func resize(to area: Rect) {
        self.area = area
        layOut()
    }

    func willAppear() { layOut() }

    /// The form gets what the heading, the ZRM line, at least two lines of history and the last
    /// line leave; it scrolls (▲ ▼) when that is less than it needs.
    private func layOut() {
        let zrm = Glyphs.wrap(zrmSummary, width: area.width - 4).count
            + (dueText.map { Glyphs.wrap($0, width: area.width - 4, maxLines: workLines).count } ?? 0)
            + (workLine.map { Glyphs.wrap($0.text, width: area.width - 4, maxLines: workLines).count } ?? 0)
            + (escalationLine == nil ? 0 : 1)
        let room = area.height - 3 - 1 - zrm - 1 - 3 - 1
        form.resize(to: Rect(row: area.row + 3, col: area.col, width: area.width, height: max(2, min(form.naturalHeight, room))))
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let width = area.width - 4
        var row = area.row + 1
        // The name and the phase on one line; when they do not fit, the phase (with the borg
        // intensity or the outcome) takes the line under the name.
        let phase = phaseText
        if Glyphs.width(of: youth.name) + 5 + Glyphs.width(of: phase) <= width {
            let headingWidth = canvas.put(youth.name, row: row, col: 2, style: .heading, maxWidth: width)
            canvas.put("  ·  \(phase)", row: row, col: 2 + headingWidth, style: .accent, maxWidth: width - headingWidth)
        } else {
            canvas.put(youth.name, row: row, col: 2, style: .heading, maxWidth: width)
            canvas.put(phase, row: row + 1, col: 2, style: .accent, maxWidth: width)
        }
        form.render(into: &canvas)
        row = form.area.row + form.area.height + 1

        // The ZRM line (an acute domain!) always shows, wrapped; the history keeps at least its latest change.
        let acute = !(youth.latestMeasurement?.acuteDomains.isEmpty ?? true)
        for line in Glyphs.wrap(zrmSummary, width: width) {
            canvas.put(line, row: row, col: 2, style: acute ? .warning : .dim, maxWidth: width)
            row += 1
        }
        for line in dueText.map({ Glyphs.wrap($0, width: width, maxLines: workLines) }) ?? [] {
            canvas.put(line, row: row, col: 2, style: .warning, maxWidth: width)
            row += 1
        }
        if let escalation = escalationLine {
            canvas.put(escalation, row: row, col: 2, style: .warning, maxWidth: width)
            row += 1
        }
        if let work = workLine {
            for line in Glyphs.wrap(work.text, width: width, maxLines: workLines) {
                canvas.put(line, row: row, col: 2, style: work.style, maxWidth: width)
                row += 1
            }
        }
        row += 1
        renderHistory(into: &canvas, from: row, to: area.row + area.height - 2)
        canvas.put("Nr \(youth.id.prefix(8)) · aangemaakt \(session.day(of: youth.created).text) · gewijzigd \(session.dateTime(youth.updated))",
                   row: area.row + area.height - 1, col: 2, style: .dim, maxWidth: width)
    }

    /// The current placement, the last talk, skills that went down (`WorkSummary`), in at most
    /// three lines (one in a small window, so the form and the phase history keep their rows), the
    /// last ending in … when cut (the placements screen, w, shows it all). The "Let op" line too.
    private var workLines: Int { area.height >= 20 ? 3 : 1 }
    private var workLine: (text: String, style: Style)? { WorkSummary.line(youth, store: session.store) }

    /// One line on the ZRM: how many measurements, the latest, its acute domains.
    private var zrmSummary: String {
        guard let latest = youth.latestMeasurement else {
            let key = youth.needsFirstZRM ? bindings.keyName(for: .openZRM).map { "; \($0) om te scoren" } : nil
            return "ZRM: nog geen meting" + (key ?? "")
        }
        let acute = latest.acuteDomains.compactMap { Catalog.lifeDomain($0)?.name }
        var text = "ZRM: \(youth.measurements.count) meting\(youth.measurements.count == 1 ? "" : "en"), laatste \(latest.moment.label) van \(latest.date.text)"
        text += acute.isEmpty ? "" : " · ACUUT: " + acute.joined(separator: ", ")
        return text
    }

    /// The phase changes, newest first, in the rows from `top` to `bottom`; when not all fit, the
    /// last row says how many earlier ones there are and which key opens them all.
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
            let key = bindings.keyName(for: .openPhaseHistory).map { " · \($0) toont alle" } ?? ""
            canvas.put("… en \(changes.count - shown.count) eerdere\(key)", row: top + 1 + shown.count, col: 4, style: .dim, maxWidth: canvas.width - 6)
        }
    }
}
