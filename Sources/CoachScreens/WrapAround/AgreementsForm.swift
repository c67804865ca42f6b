import Caseload
import TerminalKit

/// The agreements of a meeting, item by item as the method names them: goals, the actions (the
/// plan's own, marked as agreed here), each participant's role and contribution, how people
/// keep each other informed, when they meet again, and the dissolving conditions.
enum AgreementsForm {
    static func make(editor: YouthEditor, meetingID: String) -> RecordFormScreen {
        func meeting() -> WrapAroundMeeting? { editor.youth.meetings.first { $0.id == meetingID } }
        func update(_ change: (inout MeetingAgreements) throws(InputError) -> Void) -> String? {
            guard var current = meeting() else { return "Dit overleg bestaat niet meer." }
            do { try change(&current.agreements) } catch { return error.message }
            return editor.apply { $0.save(current) }
        }
        func text(_ label: String, _ path: WritableKeyPath<MeetingAgreements, String>) -> RecordFormScreen.Field {
            .init(label: label, value: { meeting()?.agreements[keyPath: path] ?? "" }, edit: .text { input in
                update { a throws(InputError) in a[keyPath: path] = try Youth.validText(input, field: label) }
            })
        }
        var fields = [
            text("Doelen", \.goals),
            .init(label: "Acties", value: {
                let count = meeting().map { editor.youth.actions(agreedIn: $0).count } ?? 0
                return count == 0 ? "" : "\(count) afgesproken"
            }, edit: .open { ActionsScreen(editor: editor, meetingID: meetingID) }),
        ]
        for participant in meeting()?.participants ?? [] {
            guard let person = editor.youth.person(participant.personID) else { continue }
            fields.append(.init(label: "Rol van \(person.name)", value: { meeting()?.agreements.roles[person.id] ?? "" }, edit: .text { input in
                update { a throws(InputError) in
                    let role = try Youth.validText(input, field: "De rol")
                    a.roles[person.id] = role.isEmpty ? nil : role
                }
            }))
        }
        fields += [
            text("Elkaar informeren", \.informing),
            .init(label: "Volgende keer", value: { meeting()?.agreements.nextMeeting?.text ?? "" }, edit: .date { day in
                update { $0.nextMeeting = day }
            }),
            text("Ontbindende voorwaarden", \.dissolvingConditions),
        ]
        return RecordFormScreen(editor: editor, title: "Afspraken", heading: "\(editor.youth.name)  ·  Afspraken van het overleg", fields: fields)
    }
}
