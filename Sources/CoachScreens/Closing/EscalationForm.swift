import Caseload
import Foundation
import TerminalKit

/// The form of one escalation: the overleg, the question, what blocks and which, the day it was
/// raised, the answer and its day (empty: still open). Every confirmed field is saved at once.
///
/// A new one opens with the overleg to choose (Tab leads on to the question). It is kept in the
/// form until its question is confirmed, because an escalation without a question is refused;
/// from then on it is in the dossier. What was chosen before goes with it; the footer says that
/// it is not saved yet.
enum EscalationForm {
    /// The new escalation before it has a question (the form's own copy, never in the dossier).
    private final class Unsaved {
        var escalation: Escalation
        init(_ escalation: Escalation) { self.escalation = escalation }
    }

    static func make(editor: YouthEditor, escalationID: String?) -> RecordFormScreen {
        let session = editor.session
        let id = escalationID ?? UUID().uuidString.lowercased()
        let unsaved = Unsaved(Escalation(level: .municipal, question: "", block: .municipalPolicy, raisedOn: session.today, id: id))
        func stored() -> Escalation? { editor.youth.escalations.first { $0.id == id } }
        func isUnsaved() -> Bool { escalationID == nil && stored() == nil }
        func escalation() -> Escalation? { stored() ?? (escalationID == nil ? unsaved.escalation : nil) }
        func update(_ change: (inout Escalation) throws(InputError) -> Void) -> String? {
            guard var current = escalation() else { return "Deze escalatie bestaat niet meer." }
            do throws(InputError) {
                try change(&current)
                guard !isUnsaved() || !current.question.isEmpty else {
                    try current.checkDays(today: session.today, started: editor.youth.started)
                    unsaved.escalation = current
                    return nil
                }
            } catch {
                return error.message
            }
            return editor.apply { youth throws(InputError) in try youth.save(current, today: session.today) }
        }
        let levels = EscalationLevel.allCases
        let blocks = EscalationBlock.allCases
        return RecordFormScreen(kind: .recordForm, editor: editor, title: "Escalatie",
                                heading: "\(editor.youth.name)  ·  \(isUnsaved() ? "Nieuwe escalatie" : "Escalatie")",
                                startsTyping: escalationID == nil, fields: [
            .init(label: "Overleg", value: { escalation()?.level.label ?? "" }, edit: .choice(
                options: { levels.map(\.label) },
                selected: { escalation().flatMap { levels.firstIndex(of: $0.level) } ?? 0 },
                commit: { index in update { $0.level = levels[index] } })),
            .init(label: "Vraag aan het overleg", value: { escalation()?.question ?? "" }, edit: .text { input in
                update { e throws(InputError) in e.question = try Youth.validName(input, field: "De vraag aan het overleg") }
            }),
            .init(label: "Wat blokkeert", value: { escalation()?.block.label ?? "" }, edit: .choice(
                options: { blocks.map(\.label) },
                selected: { escalation().flatMap { blocks.firstIndex(of: $0.block) } ?? 0 },
                commit: { index in update { $0.block = blocks[index] } })),
            .init(label: "Welk beleid, welke regel", value: { escalation()?.blockDetail ?? "" }, edit: .text { input in
                update { e throws(InputError) in e.blockDetail = try Youth.validText(input, field: "Wat er blokkeert") }
            }),
            .init(label: "Gesteld op (dd-mm-jjjj)", value: { escalation()?.raisedOn.text ?? "" }, edit: .date(optional: false) { day in
                update { e in e.raisedOn = day ?? e.raisedOn }
            }),
            .init(label: "Antwoord", value: { escalation()?.answer ?? "" }, edit: .text { input in
                update { e throws(InputError) in e.answer = try Youth.validText(input, field: "Het antwoord") }
            }),
            .init(label: "Beantwoord op (dd-mm-jjjj)", value: { escalation()?.answeredOn?.text ?? "" }, edit: .date { day in
                update { $0.answeredOn = day }
            }, cells: { escalation()?.answeredOn.map { [($0.text, .normal)] } ?? [("– (nog open)", .dim)] }),
        ], footer: {
            guard let current = escalation() else { return [] }
            if isUnsaved() { return [("Nog niet bewaard: de escalatie komt in het dossier zodra de vraag is ingevuld.", .warning)] }
            let weeks = session.store.settings.escalationWeeks
            var lines: [(text: String, style: Style)] = []
            if current.isOpen, !current.answer.isEmpty { lines.append(("Nog open: vul \"Beantwoord op\" in om de escalatie te sluiten.", .dim)) }
            if current.waitsTooLong(weeks: weeks, today: session.today) {
                lines.append(("\(current.weeksOpen(today: session.today)) weken zonder antwoord (drempel \(weeks)): op de weekbespreking.", .warning))
            }
            return lines
        })
    }
}
