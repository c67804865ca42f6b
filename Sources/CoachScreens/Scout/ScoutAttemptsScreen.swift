import Caseload
import Foundation
import TerminalKit

/// Scouting a youth who is not yet in: the contact attempts (how, with what outcome, who
/// introduced), counted, and the youth's agreement to take part, which ends the scout phase on
/// its day.
final class ScoutAttemptsScreen: Screen, OfOneYouth {
    let kind = ScreenKind.scoutAttempts
    let title = "Scout"
    let editor: YouthEditor
    private var table = Table(columns: [.init("Datum", width: 10), .init("Hoe", width: 22, minimum: 10), .init("Uitkomst", width: 16, minimum: 8),
                                        .init("Geïntroduceerd door", width: 24, minimum: 10)], detailLines: 3)
    private var message: (text: String, style: Style)?

    init(editor: YouthEditor) {
        self.editor = editor
        table.setCount(editor.youth.scoutAttempts.count)
    }

    private var attempts: [ScoutAttempt] { editor.youth.scoutAttemptsInOrder.reversed() }
    private var selected: ScoutAttempt? { attempts.indices.contains(table.selected) ? attempts[table.selected] : nil }

    /// Removal works on a selected attempt of a youth that can be saved; only then is its key named.
    private var canRemove: Bool { selected != nil && editor.isWritable }
    /// Enter opens only a selected row: on an empty list it is not named.
    var bindings: [KeyBinding] { keyRows(canRemove: canRemove).dropping(.open, when: selected == nil) }

    /// Asks before removing, naming the attempt; the agreement is recorded apart and stays.
    private func remove(_ attempt: ScoutAttempt) -> Navigation {
        let removal = Removal(title: "Contactpoging verwijderen",
                              question: "Contactpoging van \(attempt.date.text) (\(attempt.channel.label): \(attempt.outcome.label)) verwijderen? "
                                  + "Ze telt dan niet meer mee bij de contactpogingen\(editor.youth.agreedOn == nil ? "" : "; het akkoord blijft staan").",
                              change: { youth throws(InputError) in try youth.remove(scoutAttemptID: attempt.id) })
        return removal.ask(editor) { [self] failure in
            message = failure.map { ($0, .error) }
            table.setCount(attempts.count)
        }
    }

    func willAppear() { table.setCount(attempts.count) }
    func resize(to area: Rect) { table.resize(to: Rect(row: area.row + 3, col: area.col, width: area.width, height: area.height - 3)) }

    func handle(_ key: Key) -> Navigation {
        // A key that does nothing leaves the message standing.
        guard let command = bindings.action(for: key) else { return .stay }
        message = nil
        switch command {
        case .move: _ = table.handle(key)
        case .new: return .push(ScoutAttemptForm.make(editor: editor, attemptID: nil))
        case .open:
            let shown = attempts
            if shown.indices.contains(table.selected) { return .push(ScoutAttemptForm.make(editor: editor, attemptID: shown[table.selected].id)) }
        case .recordAgreement: return .popup(askAgreement())
        case .remove where canRemove:
            if let attempt = selected { return remove(attempt) }
        case .back: return .pop
        default: break
        }
        return .stay
    }

    /// The day the youth agreed: today, or the day it really happened. Empty takes it back.
    private func askAgreement() -> PromptPopup {
        let youth = editor.youth
        let session = editor.session
        let ends = youth.phase == .scout ? " Dat sluit de scoutfase af: het dossier gaat op die dag naar Quick scan." : ""
        let prompt = Prompt(title: "Akkoord om mee te doen",
                            question: "Op welke dag zei \(youth.name) ja tegen meedoen?\(ends) Leeg maakt een vastgelegd akkoord ongedaan.",
                            label: "Datum (dd-mm-jjjj)", text: (youth.agreedOn ?? session.today).text, enterLabel: "leg vast")
        return PromptPopup(prompt) { [self] text in
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                if let failure = editor.apply({ $0.clearAgreement(now: session.now) }) { return .refuse(failure) }
                message = ("Akkoord weggehaald; de fase is niet veranderd.", .warning)
                return .done(.stay)
            }
            do throws(InputError) {
                let day = try LocalDate.parseInput(text)
                if let failure = editor.apply({ y throws(InputError) in try y.recordAgreement(on: day, today: session.today, now: session.now) }) {
                    return .refuse(failure)
                }
                message = ("Akkoord vastgelegd op \(day.text); fase: \(editor.youth.phase.label).", .accent)
                return .done(.stay)
            } catch {
                return .refuse(error.message)
            }
        }
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let youth = editor.youth
        let today = editor.session.today
        let count = youth.scoutAttempts.count
        var heading = "\(youth.name)  ·  Scout: \(count) contactpoging\(count == 1 ? "" : "en")"
        if let days = youth.daysInScout(today: today) { heading += youth.phase == .scout ? ", \(days) dagen in scout" : ", scout duurde \(days) dagen" }
        canvas.put(heading, row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        let agreement = youth.agreedOn.map { "Akkoord om mee te doen: \($0.text)" } ?? "Nog geen akkoord om mee te doen (a legt het vast)."
        canvas.put(agreement, row: area.row + 1, col: 2, style: youth.agreedOn == nil ? .dim : .accent, maxWidth: area.width - 4)
        let shown = attempts
        table.render(into: &canvas, count: shown.count, row: { index in
            let attempt = shown[index]
            let note = attempt.note.isEmpty ? "" : " · \(attempt.note)"
            return Table.Row([attempt.date.text, attempt.channel.label, attempt.outcome.label, attempt.introducedBy],
                             style: attempt.outcome == .notReached ? .dim : .normal,
                             full: "\(attempt.date.text) \(attempt.channel.label): \(attempt.outcome.label)"
                                + (attempt.introducedBy.isEmpty ? "" : ", via \(attempt.introducedBy)") + note)
        }, empty: "Nog geen contactpogingen. Druk op n om er een vast te leggen.", note: message)
    }
}

/// The form of one contact attempt; a new one opens with its channel to choose, dated today.
enum ScoutAttemptForm {
    static func make(editor: YouthEditor, attemptID: String?) -> RecordFormScreen {
        let session = editor.session
        let id = attemptID ?? UUID().uuidString.lowercased()
        func attempt() -> ScoutAttempt? { editor.youth.scoutAttempts.first { $0.id == id } }
        func update(_ change: (inout ScoutAttempt) throws(InputError) -> Void) -> String? {
            guard var current = attempt() else { return attemptID == nil ? "Kies eerst hoe u het probeerde." : "Deze poging bestaat niet meer." }
            do { try change(&current) } catch { return error.message }
            return editor.apply { $0.save(current) }
        }
        let channels = AttemptChannel.allCases
        let outcomes = AttemptOutcome.allCases
        return RecordFormScreen(editor: editor, title: "Contactpoging", heading: "\(editor.youth.name)  ·  Contactpoging", startsTyping: attemptID == nil, fields: [
            .init(label: "Hoe", value: { attempt()?.channel.label ?? "" }, edit: .choice(
                options: { channels.map(\.label) },
                selected: { attempt().flatMap { channels.firstIndex(of: $0.channel) } ?? 0 },
                commit: { index in
                    guard attempt() != nil else { return editor.apply { $0.save(ScoutAttempt(date: session.today, channel: channels[index], id: id)) } }
                    return update { $0.channel = channels[index] }
                })),
            .init(label: "Uitkomst", value: { attempt()?.outcome.label ?? "" }, edit: .choice(
                options: { outcomes.map(\.label) },
                selected: { attempt().flatMap { outcomes.firstIndex(of: $0.outcome) } ?? 0 },
                commit: { index in update { $0.outcome = outcomes[index] } })),
            .init(label: "Datum (dd-mm-jjjj)", value: { attempt()?.date.text ?? "" }, edit: .date(optional: false) { day in
                update { a throws(InputError) in a.date = try Youth.validContactDate(day ?? a.date, today: session.today) }
            }),
            .init(label: "Geïntroduceerd door", value: { attempt()?.introducedBy ?? "" }, edit: .text { input in
                update { a throws(InputError) in a.introducedBy = try Youth.validText(input, field: "Geïntroduceerd door") }
            }),
            .init(label: "Notitie", value: { attempt()?.note ?? "" }, edit: .text { input in
                update { a throws(InputError) in a.note = try Youth.validText(input, field: "De notitie") }
            }),
        ])
    }
}
