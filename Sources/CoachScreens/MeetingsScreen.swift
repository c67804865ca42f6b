import Caseload
import TerminalKit

/// The wrap-around meetings of one youth: when, where, who, and a warning for a participant
/// without consent. New meetings start with an agenda drafted from the veranderplan.
final class MeetingsScreen: Screen {
    let kind = ScreenKind.meetings
    let title = "Overleggen"
    private let editor: YouthEditor
    private var list = ListState()
    private var error: String?

    init(editor: YouthEditor) {
        self.editor = editor
        list = ListState(count: editor.youth.meetings.count, selected: editor.youth.meetings.count - 1)
    }

    private var meetings: [WrapAroundMeeting] { editor.youth.meetingsInOrder }

    func willAppear() { list.setCount(meetings.count) }

    func handle(_ key: Key) -> Navigation {
        error = nil
        switch KeyTable.action(for: key, on: kind) {
        case .move: _ = list.handle(key, pageSize: 10)
        case .new:
            let youth = editor.youth
            var meeting = WrapAroundMeeting(date: editor.session.today, chair: editor.session.coachName ?? "coach")
            meeting.agenda = WrapAroundMeeting.draftAgenda(plan: youth.changePlan, actions: youth.actionsInOrder, ownerName: youth.ownerName)
            error = editor.apply { $0.save(meeting) }
            guard error == nil else { break }
            list.setCount(meetings.count)
            list.select(meetings.firstIndex { $0.id == meeting.id } ?? 0)
            return .push(MeetingForm.make(editor: editor, meetingID: meeting.id))
        case .open:
            guard meetings.indices.contains(list.selected) else { break }
            return .push(MeetingForm.make(editor: editor, meetingID: meetings[list.selected].id))
        case .openConsents: return .push(ConsentScreen(editor: editor))
        case .openActions: return .push(ActionsScreen(editor: editor))
        case .back: return .pop
        default: break
        }
        return .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let youth = editor.youth
        let today = editor.session.today
        canvas.put("\(youth.name)  ·  Wrap-around overleg", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        let all = meetings
        // Drawing changes nothing: a copy of the list with the count of what is drawn.
        var list = self.list
        list.setCount(all.count)
        if all.isEmpty {
            canvas.putWrapped("Nog geen overleg. Druk op n om er een voor te bereiden; de agenda komt uit het veranderplan.",
                              row: area.row + 2, col: 2, width: area.width - 4, style: .dim)
        }
        for (line, index) in list.visibleRange(height: area.height - 4).enumerated() {
            let meeting = all[index]
            let row = area.row + 2 + line
            let style: Style = index == list.selected ? .selected : meeting.date < today ? .dim : .normal
            canvas.fill(Rect(row: row, col: 0, width: area.width, height: 1), style: style)
            var text = "\(meeting.date.text) \(meeting.time.isEmpty ? "     " : meeting.time)  \(meeting.place.isEmpty ? "(plaats?)" : meeting.place)"
            text += " · \(meeting.participants.count) deelnemer\(meeting.participants.count == 1 ? "" : "s")"
            let missing = youth.participantsWithoutConsent(meeting).count
            canvas.put(text, row: row, col: 2, style: style, maxWidth: area.width - 4)
            if missing > 0 {
                let warning = " \(missing)x geen toestemming "
                canvas.put(warning, row: row, col: area.width - Glyphs.width(of: warning) - 2, style: index == list.selected ? style : .warning)
            }
        }
        if let error { canvas.putAbove(error, bottomRow: area.row + area.height - 1, col: 2, width: area.width - 4, style: .error) }
    }
}

/// One meeting: date, time, place, chair; the participants, the agenda and the agreements each
/// open their own screen. Warns under the fields about participants without consent.
enum MeetingForm {
    static func make(editor: YouthEditor, meetingID: String) -> RecordFormScreen {
        let session = editor.session
        func meeting() -> WrapAroundMeeting? { editor.youth.meetings.first { $0.id == meetingID } }
        func update(_ change: (inout WrapAroundMeeting) throws(InputError) -> Void) -> String? {
            guard var current = meeting() else { return "Dit overleg bestaat niet meer." }
            do { try change(&current) } catch { return error.message }
            return editor.apply { $0.save(current) }
        }
        func text(_ label: String, _ path: WritableKeyPath<WrapAroundMeeting, String>,
                  _ check: @escaping (String) throws(InputError) -> String) -> RecordFormScreen.Field {
            .init(label: label, value: { meeting()?[keyPath: path] ?? "" }, edit: .text { input in
                update { m throws(InputError) in m[keyPath: path] = try check(input) }
            })
        }
        let form = RecordFormScreen(kind: .meeting, title: "Overleg", heading: "\(editor.youth.name)  ·  Wrap-around overleg", fields: [
            .init(label: "Datum (dd-mm-jjjj)", value: { meeting()?.date.text ?? "" }, edit: .text { input in
                update { m throws(InputError) in m.date = try LocalDate.parseInput(input) }
            }),
            text("Tijd (uu:mm)", \.time) { input throws(InputError) in try WrapAroundMeeting.validTime(input) },
            text("Plaats", \.place) { input throws(InputError) in try Youth.validText(input, field: "De plaats") },
            text("Voorzitter", \.chair) { input throws(InputError) in try Youth.validName(input, field: "De voorzitter") },
            .init(label: "Deelnemers", value: { meeting().map { participantsLine($0, editor.youth) } ?? "" },
                  edit: .open { ParticipantsScreen(editor: editor, meetingID: meetingID) }),
            .init(label: "Agenda", value: { meeting().map { "\($0.agenda.count) punten" } ?? "" },
                  edit: .open { AgendaScreen(editor: editor, meetingID: meetingID) }),
            .init(label: "Afspraken", value: { meeting().map { agreementsLine($0, editor.youth) } ?? "" },
                  edit: .open { AgreementsForm.make(editor: editor, meetingID: meetingID) }),
        ], footer: {
            guard let meeting = meeting() else { return [] }
            let missing = editor.youth.participantsWithoutConsent(meeting)
            guard !missing.isEmpty else { return [] }
            return [("LET OP: geen toestemming geregistreerd voor \(missing.map(\.name).joined(separator: ", ")).", .warning),
                    ("Delen mag alleen met toestemming (t), behalve om incidenten te voorkomen.", .dim)]
        }, export: {
            guard let meeting = meeting() else { return ("Dit overleg bestaat niet meer.", .error) }
            do {
                let kind = MeetingDocument.Kind.fitting(meeting, today: session.today)
                let paths = try MeetingDocument.Format.allCases.map { format in
                    try session.store.writeExport(MeetingDocument.render(editor.youth, meeting, kind: kind, format: format),
                                                  named: MeetingDocument.fileName(editor.youth, meeting, kind: kind, format: format))
                }
                return ("Geëxporteerd naar \(paths.joined(separator: " en ")) in de gegevensmap", .accent)
            } catch {
                return ("Export mislukt: \(error.localizedDescription)", .error)
            }
        })
        form.links = [.openConsents: { ConsentScreen(editor: editor) }, .openActions: { ActionsScreen(editor: editor) }]
        return form
    }

    static func participantsLine(_ meeting: WrapAroundMeeting, _ youth: Youth) -> String {
        let names = meeting.participants.compactMap { youth.person($0.personID)?.name }
        return names.isEmpty ? "" : names.joined(separator: ", ")
    }

    static func agreementsLine(_ meeting: WrapAroundMeeting, _ youth: Youth) -> String {
        let actions = youth.actions(agreedIn: meeting).count
        var parts: [String] = []
        if !meeting.agreements.goals.isEmpty { parts.append("doelen") }
        if actions > 0 { parts.append("\(actions) actie\(actions == 1 ? "" : "s")") }
        if let next = meeting.agreements.nextMeeting { parts.append("volgende keer \(next.text)") }
        return parts.joined(separator: " · ")
    }
}
