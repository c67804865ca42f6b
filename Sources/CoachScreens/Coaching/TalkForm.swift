import Caseload
import TerminalKit

/// The form of one progress talk: the day (a past one may be entered, not one to come), with
/// whom at the workplace, the placement, the notes (with their draft) and the ten basic skills,
/// each one of the four steps. Tab leads through it. A new talk is saved before the form opens,
/// with the scores of the talk before, so the coach changes only what moved.
enum TalkForm {
    static func make(editor: YouthEditor, talkID: String) -> RecordFormScreen {
        let session = editor.session
        func talk() -> ProgressTalk? { editor.youth.progressTalks.first { $0.id == talkID } }
        func update(_ change: (inout ProgressTalk) throws(InputError) -> Void) -> String? {
            guard var current = talk() else { return "Dit gesprek bestaat niet meer." }
            do { try change(&current) } catch { return error.message }
            return editor.apply { youth throws(InputError) in try youth.save(current) }
        }
        func placements() -> [Placement] { editor.youth.placementsInOrder }
        let levels: [SkillLevel?] = [nil] + SkillLevel.allCases
        let levelNames = ["– (niet gescoord)"] + SkillLevel.allCases.map(\.label)
        let skillFields: [Form.Field] = Catalog.basicSkills.map { skill in
            .init(label: skill.name, value: { talk()?.scores[skill.code]?.label ?? "" }, edit: .choice(
                options: { levelNames },
                selected: { levels.firstIndex(of: talk()?.scores[skill.code]) ?? 0 },
                commit: { index in update { $0.scores[skill.code] = levels[index] } }),
                  cells: { [score(of: skill, in: editor.youth, talkID: talkID)] })
        }
        return RecordFormScreen(editor: editor, title: "Gesprek", heading: "\(editor.youth.name)  ·  Voortgangsgesprek", fields: [
            .init(label: "Datum (dd-mm-jjjj)", value: { talk()?.date.text ?? "" }, edit: .date(optional: false) { day in
                update { t throws(InputError) in t.date = try Youth.validTalkDate(day ?? t.date, today: session.today) }
            }),
            .init(label: "Met wie", value: { talk()?.withWhom ?? "" }, edit: .text { input in
                update { t throws(InputError) in t.withWhom = try Youth.validText(input, field: "Met wie") }
            }),
            .init(label: "Plaatsing", value: { talk().flatMap { t in placements().first { $0.id == t.placementID } }.map { label($0, store: session.store) } ?? "" },
                  edit: .choice(options: { placements().map { label($0, store: session.store) } },
                                selected: { placements().firstIndex { $0.id == talk()?.placementID } ?? 0 },
                                commit: { index in
                                    let all = placements()
                                    guard all.indices.contains(index) else { return nil }
                                    return update { $0.placementID = all[index].id }
                                })),
            .init(label: "Notities", value: { talk()?.notes ?? "" }, edit: .multiline(youthID: editor.youth.id, draft: .talkNotes(talkID: talkID)) { text in
                update { $0.notes = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            }),
        ] + skillFields, footer: {
            [("Vaardigheden: ▲ hoger, ▼ lager dan in het gesprek ervoor.", .dim)]
        })
    }

    /// "baan bij Bakkerij De Korst, vanaf 01-09-2026".
    static func label(_ placement: Placement, store: CaseloadStore) -> String {
        "\(placement.kind.label) bij \(store.workplaceName(of: placement)), vanaf \(placement.start.text)"
    }

    /// A skill's level in the talk with its ▲▼ against the talk before, as the grid shows it.
    private static func score(of skill: BasicSkill, in youth: Youth, talkID: String) -> (text: String, style: Style) {
        let progress = SkillsProgress(youth: youth)
        guard let row = progress.skills.firstIndex(of: skill), let column = progress.talks.firstIndex(where: { $0.id == talkID }) else {
            return ("–", .dim)
        }
        let score = progress.scores[row][column]
        return (score.text, score.level == nil ? .dim : .normal)
    }
}
