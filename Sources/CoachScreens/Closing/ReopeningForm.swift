import Caseload
import TerminalKit

/// Reopening a closed case: the reason (required) and the day (today filled in). The last row
/// asks for confirmation and reopens (`Youth.reopen`): the case returns to the phase it was
/// closed from; the closure stays in the history. Nothing is saved before the confirmation.
final class ReopeningForm: OneShotForm, OfOneYouth {
    let kind = ScreenKind.reopening
    let title = "Heropenen"
    let editor: YouthEditor
    private var session: Session { editor.session }
    private var youth: Youth { editor.youth }
    private(set) lazy var form = Form(kind: kind, session: session, items: items(), labelWidth: 24, heldUntil: actionHint)
    let actionHint = "heropenen"

    private var reason = ""
    private var day: LocalDate
    private let today: LocalDate

    init(editor: YouthEditor) {
        self.editor = editor
        today = editor.session.today
        day = today
    }

    private var changed: Bool { !reason.isEmpty || day != today }
    /// The phase the case returns to: the one it was closed from.
    private var back: Phase { youth.phaseBefore ?? .borg }

    private func items() -> [Form.Item] {
        [
            .field(.init(label: "Reden", value: { [unowned self] in reason }, edit: .line { [unowned self] typed in
                do throws(InputError) {
                    let why = try Youth.validText(typed, field: "De reden")
                    guard !why.isEmpty else { return .refused(Self.reasonNeeded) }
                    reason = why
                    return .saved
                } catch { return .refused(error.message) }
            })),
            .field(.init(label: "Datum", value: { [unowned self] in day.text }, edit: .date(optional: false) { [unowned self] typed in
                guard let typed else { return nil }
                do throws(InputError) { try youth.checkReopeningDay(typed, today: session.today) } catch { return error.message }
                day = typed
                return nil
            })),
            .heading(""),
            .field(.init(label: "Heropenen", value: { [unowned self] in submitText }, edit: .run { [unowned self] in submit() },
                         cells: { [unowned self] in [(submitText, reason.isEmpty ? .dim : .accent)] })),
        ]
    }

    static let reasonNeeded = "Geef een reden voor het heropenen."

    private var submitText: String {
        reason.isEmpty ? "geef eerst een reden" : "op \(day.text), terug naar \(back.label)"
    }

    private func submit() -> Form.Reply {
        guard youth.phase == .closed else { return .refused("Dit dossier is niet afgesloten.") }
        guard !reason.isEmpty else { return .refused(Self.reasonNeeded) }
        let question = Confirm(title: "Heropenen",
                               question: "Het dossier van \(youth.name) heropenen op \(day.text)? Het gaat terug naar \(back.label).",
                               yes: "ja, heropenen", no: "nee, terug")
        return askThenApply(question) { [session, day, reason] y throws(InputError) in try y.reopen(on: day, reason: reason, today: session.today, now: session.now) }
    }

    func handle(_ key: Key) -> Navigation {
        if let navigation = form.handle(key) { return navigation }
        guard KeyTable.action(for: key, on: kind) == .back else { return .stay }
        return leave(changed: changed, title: "Heropenen annuleren", done: "Het dossier is niet heropend.")
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let heading: String
        if let closed = youth.closedOn {
            heading = "Heropenen van \(youth.name): afgesloten op \(closed.text), terug naar \(back.label)"
        } else {
            heading = "\(youth.name) is niet afgesloten (nu \(youth.phase.label))"
        }
        let lines = Glyphs.wrap(heading, width: area.width - 4, maxLines: 2)
        for (offset, line) in lines.enumerated() {
            canvas.put(line, row: area.row + offset, col: 2, style: .heading, maxWidth: area.width - 4)
        }
        form.render(into: &canvas)
    }

    func resize(to area: Rect) { form.resize(to: Rect(row: area.row + 3, col: area.col, width: area.width, height: area.height - 3)) }
}
