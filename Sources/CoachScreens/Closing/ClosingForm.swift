import Caseload
import TerminalKit

/// Closing a case in one form: the outcome (with a detail, required for "anders"), the day, a
/// closing note, and what happens to the open actions and the lopende placements. The values
/// stay in the form until its last row: Enter there asks for confirmation and then closes the
/// case (`Youth.close`) at once. Esc with values filled in asks before they are thrown away.
final class ClosingForm: OneShotForm, OfOneYouth {
    let kind = ScreenKind.closing
    let title = "Afsluiten"
    let editor: YouthEditor
    private var session: Session { editor.session }
    private var youth: Youth { editor.youth }
    private(set) lazy var form = Form(kind: kind, session: session, items: items(), labelWidth: 24, heldUntil: actionHint)
    let actionHint = "afsluiten"

    /// What the coach filled in; nothing is saved before the confirmation.
    private var outcome: Outcome?
    private var input: ClosingInput
    private let untouched: ClosingInput
    /// Counted when the form opens: the rows about them show only when there are any.
    private let openActions: Int
    private let runningPlacements: Int

    init(editor: YouthEditor) {
        self.editor = editor
        input = ClosingInput(outcome: .other, date: editor.session.today)
        untouched = input
        openActions = editor.youth.actions.filter { $0.status == .open }.count
        runningPlacements = editor.youth.placements.filter { $0.status == .running }.count
    }

    /// A draft of the closing note, offered back at the start, opens the form with it. Only the
    /// note was kept (docs/decisions.md, "A closing note's draft"): the form says so.
    func resume(_ draft: Draft) {
        guard form.resume(draft) else { return }
        form.message = (Self.resumedNotice(session.dateTime(draft.saved)), .warning)
    }

    static func resumedNotice(_ saved: String) -> String {
        "Notitie van \(saved) teruggezet (Tab bevestigt); kies uitstroom, datum en de rest opnieuw."
    }

    private var changed: Bool { outcome != nil || input != untouched }

    // MARK: - Fields

    private func items() -> [Form.Item] {
        var items: [Form.Item] = [
            .heading("Uitstroom"),
            .field(.init(label: "Uitstroom", value: { [unowned self] in outcome?.label ?? "" }, edit: .pick(
                options: { Outcome.allCases.map(\.label) },
                selected: { [unowned self] in outcome.flatMap { Outcome.allCases.firstIndex(of: $0) } ?? 0 },
                commit: { [unowned self] index in
                    outcome = Outcome.allCases[index]
                    return .saved
                }), cells: { [unowned self] in [outcome.map { ($0.label, .accent) } ?? ("– (kies)", .dim)] })),
            .field(.init(label: "Toelichting", value: { [unowned self] in input.outcomeDetail }, edit: .line { [unowned self] typed in
                do throws(InputError) {
                    let detail = try Youth.validText(typed, field: "De toelichting bij de uitstroom")
                    if outcome == .other, detail.isEmpty { return .refused(Self.otherNeedsDetail) }
                    input.outcomeDetail = detail
                    return .saved
                } catch { return .refused(error.message) }
            })),
            .field(.init(label: "Afsluitdatum", value: { [unowned self] in input.date.text }, edit: .date(optional: false) { [unowned self] day in
                guard let day else { return nil }
                do throws(InputError) { try youth.checkClosingDay(day, today: session.today) } catch { return error.message }
                input.date = day
                return nil
            })),
            .field(.init(label: "Afsluitnotitie", value: { [unowned self] in input.note },
                         edit: .multiline(youthID: youth.id, draft: .closingNote) { [unowned self] text in
                do throws(InputError) {
                    input.note = try ChangePlan.validText(text)
                    return nil
                } catch { return error.message }
            })),
        ]
        if openActions > 0 || runningPlacements > 0 { items.append(.heading("Wat er met het lopende werk gebeurt")) }
        if openActions > 0 {
            items.append(.field(.init(label: "Open acties", value: { [unowned self] in "\(openActions) open: \(input.actions.label)" }, edit: .choice(
                options: { ActionsOnClosing.allCases.map(\.label) },
                selected: { [unowned self] in ActionsOnClosing.allCases.firstIndex(of: input.actions) ?? 0 },
                commit: { [unowned self] index in
                    input.actions = ActionsOnClosing.allCases[index]
                    return nil
                }))))
        }
        if runningPlacements > 0 {
            items.append(.field(.init(label: "Lopende plaatsingen", value: { [unowned self] in "\(runningPlacements) lopend: \(input.placements.label)" },
                                      edit: .choice(
                options: { PlacementsOnClosing.allCases.map(\.label) },
                selected: { [unowned self] in PlacementsOnClosing.allCases.firstIndex(of: input.placements) ?? 0 },
                commit: { [unowned self] index in
                    input.placements = PlacementsOnClosing.allCases[index]
                    return nil
                }))))
        }
        items += [
            .heading(""),
            .field(.init(label: "Dossier afsluiten", value: { [unowned self] in submitText }, edit: .run { [unowned self] in submit() },
                         cells: { [unowned self] in [(submitText, outcome == nil ? .dim : .accent)] })),
        ]
        return items
    }

    static let otherNeedsDetail = "Bij uitstroom \"anders\" hoort een toelichting: wat werd het?"

    private var submitText: String {
        guard let outcome else { return "kies eerst de uitstroom" }
        return "op \(input.date.text), uitstroom \(outcome.label)"
    }

    /// The last row: the values are checked as closing would (on a copy), then asked about.
    private func submit() -> Form.Reply {
        guard let outcome else { return .refused("Kies eerst de uitstroom.") }
        var closing = input
        closing.outcome = outcome
        let outcomeText = Closure(date: closing.date, from: youth.phase, outcome: outcome, outcomeDetail: closing.outcomeDetail,
                                  actions: closing.actions, placements: closing.placements).outcomeText
        let question = Confirm(title: "Dossier afsluiten",
                               question: "Het dossier van \(youth.name) afsluiten op \(closing.date.text) met uitstroom \(outcomeText)?",
                               yes: "ja, afsluiten", no: "nee, terug")
        return askThenApply(question) { [session] y throws(InputError) in try y.close(closing, today: session.today, now: session.now) }
    }

    // MARK: - Keys and drawing

    func handle(_ key: Key) -> Navigation {
        if let navigation = form.handle(key) { return navigation }
        guard KeyTable.action(for: key, on: kind) == .back else { return .stay }
        return leave(changed: changed, title: "Afsluiten annuleren", done: "Het dossier is niet afgesloten.")
    }


    func render(into canvas: inout Canvas, area: Rect) {
        let heading = youth.phase == .closed ? "\(youth.name) is al afgesloten" : "Afsluiten van \(youth.name) (nu \(youth.phase.label))"
        canvas.put(heading, row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        form.render(into: &canvas)
    }
}

/// A form whose values are held until its last row acts on them after a question (closing,
/// reopening): Enter names that act on the last row, and Esc with values filled in asks first.
protocol OneShotForm: FormScreen, OfOneYouth {
    var actionHint: String { get }
}

extension OneShotForm {
    var bindings: [KeyBinding] {
        form.editingBindings ?? KeyTable.bindings(for: kind).naming(.edit, form.isOnLastField ? actionHint : "wijzig")
    }

    /// Esc: what was filled in is only in the form, so leaving with changed values asks first.
    /// Leaving throws away the drafts the form held.
    func leave(changed: Bool, title: String, done: String) -> Navigation {
        guard changed else {
            form.dropHeldDrafts()
            return .pop
        }
        let question = Confirm(title: title, question: "\(done) Wat u hier invulde weggooien?", yes: "ja, weggooien", no: "nee, verder invullen")
        return .popup(ConfirmPopup(question) { [form] answer in
            guard answer == .yes else { return .stay }
            form.dropHeldDrafts()
            return .pop
        })
    }

    /// The last row's action: `change` is tried on a copy first (a refusal stays in the form, so
    /// the question never leads to one), then `question` is asked; yes applies it, lets go of the
    /// drafts the form held and goes back.
    func askThenApply(_ question: Confirm, _ change: @escaping (inout Youth) throws(InputError) -> Void) -> Form.Reply {
        var trial = editor.youth
        do throws(InputError) { try change(&trial) } catch { return .refused(error.message) }
        return .ask(ConfirmPopup(question) { [self] answer in
            guard answer == .yes else { return .stay }
            if let failure = editor.apply(change) {
                form.error = failure
                return .stay
            }
            form.dropHeldDrafts()
            return .pop
        })
    }

    /// The last line of the help: nothing is saved before the last row.
    var savingNote: String {
        "Niets wordt bewaard voordat u op de laatste regel \"\(actionHint)\" bevestigt; een notitie blijft tot dan als concept op schijf."
    }
}
