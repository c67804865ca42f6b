import Caseload
import TerminalKit

/// The coach's settings (settings.json): the name, and the thresholds of what is due. Each
/// field is saved when confirmed; a number out of range is refused with the reason.
final class SettingsScreen: FormScreen {
    let kind = ScreenKind.settings
    let title = "Instellingen"
    private let session: Session
    private(set) lazy var form = Form(kind: kind, session: session, items: items(), labelWidth: 30)

    init(session: Session) {
        self.session = session
    }

    private func save(_ change: (inout CoachSettings) throws(InputError) -> Void) -> String? {
        var settings = session.store.settings
        do throws(InputError) { try change(&settings) } catch { return error.message }
        do { try session.store.saveSettings(settings) } catch { return "Niet bewaard: \(error.localizedDescription)" }
        return nil
    }

    /// A number with its unit, singular for one ("1 week", "2 weken"); `note` follows the unit.
    private func number(_ label: String, _ value: @escaping (CoachSettings) -> Int?, unit: Unit, note: String = "",
                        set: @escaping (inout CoachSettings, String) throws(InputError) -> Void) -> Form.Item {
        .field(.init(label: label, value: { [unowned self] in value(session.store.settings).map(String.init) ?? "" },
                     edit: .text { [unowned self] input in save { s throws(InputError) in try set(&s, input) } },
                     cells: { [unowned self] in [(value(session.store.settings).map { "\($0) \($0 == 1 ? unit.one : unit.many)\(note)" } ?? "–", .normal)] }))
    }

    private enum Unit {
        case days, weeks, months
        var one: String { switch self { case .days: "dag"; case .weeks: "week"; case .months: "maand" } }
        var many: String { switch self { case .days: "dagen"; case .weeks: "weken"; case .months: "maanden" } }
    }

    private func items() -> [Form.Item] {
        var items: [Form.Item] = [
            .heading("Coach"),
            .field(.init(label: "Uw naam", value: { [unowned self] in session.store.settings.coachName }, edit: .text { [unowned self] input in
                save { s throws(InputError) in s.coachName = try Youth.validText(input, field: "Uw naam", limit: TextLimits.coachName) }
            }, limit: TextLimits.coachName)),
            .heading("Contact"),
            number("Zonder contact markeren na", { $0.contactDays }, unit: .days) { s, input throws(InputError) in try s.setContactDays(input) },
            .heading("Metingen: weken na de 0-meting"),
        ]
        for moment in CoachSettings.scheduledMoments {
            items.append(number(moment.label, { $0.measurementWeeks[moment] }, unit: .weeks) { s, input throws(InputError) in
                try s.setWeeks(input, for: moment)
            })
        }
        items.append(.heading("Hoe lang een fase mag duren"))
        for phase in CoachSettings.timedPhases {
            items.append(number(phase.label, { $0.phaseWeeks[phase] }, unit: .weeks) { s, input throws(InputError) in try s.setWeeks(input, for: phase) })
        }
        items.append(.heading("Coachen op de werkplek"))
        items.append(number("Zonder voortgangsgesprek markeren na", { $0.talkWeeks }, unit: .weeks) { s, input throws(InputError) in
            try s.setTalkWeeks(input)
        })
        items.append(.heading("Borgen, escalatie en bewaren"))
        items.append(number("Klaar om af te sluiten na", { $0.readyToCloseWeeks }, unit: .weeks, note: " afgebouwd") { s, input throws(InputError) in
            try s.setReadyToCloseWeeks(input)
        })
        items.append(number("Escalatie markeren na", { $0.escalationWeeks }, unit: .weeks, note: " zonder antwoord") { s, input throws(InputError) in
            try s.setEscalationWeeks(input)
        })
        // The term is the organisation's choice under the AVG; two years is only the default.
        items.append(number("Bewaartermijn na afsluiten", { $0.retentionMonths }, unit: .months, note: " (de organisatie bepaalt)") { s, input throws(InputError) in
            try s.setRetentionMonths(input)
        })
        // A calendar leaves the program: a title never carries the full name.
        let names = CalendarNames.allCases
        items.append(.heading("Agenda-export"))
        items.append(.field(.init(label: "Jongere in de titel", value: { [unowned self] in session.store.settings.calendarNames.example },
                                  edit: .choice(options: { names.map(\.example) },
                                                selected: { [unowned self] in names.firstIndex(of: session.store.settings.calendarNames) ?? 0 },
                                                commit: { [unowned self] index in save { $0.calendarNames = names[index] } }))))
        return items
    }

    func handle(_ key: Key) -> Navigation {
        if let navigation = form.handle(key) { return navigation }
        return KeyTable.action(for: key, on: kind) == .back ? .pop : .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        canvas.put("Instellingen  ·  in settings.json in de gegevensmap, meteen opgeslagen", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        form.render(into: &canvas)
    }
}

private extension CalendarNames {
    /// The choice with what it looks like.
    var example: String { "\(label) (\(name(of: "Zoë van Dijk")))" }
}
