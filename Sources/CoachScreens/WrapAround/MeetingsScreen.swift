import Caseload
import TerminalKit

/// The wrap-around meetings of one youth: when, where, who, and a warning for a participant
/// without consent. New meetings start with an agenda drafted from the veranderplan.
final class MeetingsScreen: Screen, OfOneYouth {
    let kind = ScreenKind.meetings
    let title = "Overleggen"
    let editor: YouthEditor
    private var table = Table(columns: [.init("Datum", width: 10), .init("Tijd", width: 5, minimum: 5), .init("Plaats", width: 24, minimum: 8),
                                        .init("Deelnemers", width: 10), .init("Toestemming", width: 20, minimum: 11)])
    private var error: String?

    init(editor: YouthEditor) {
        self.editor = editor
        table.setCount(editor.youth.meetings.count)
        table.select(editor.youth.meetings.count - 1)
    }

    private var meetings: [WrapAroundMeeting] { editor.youth.meetingsInOrder }
    /// Enter opens a meeting only when there is one.
    var bindings: [KeyBinding] { KeyTable.bindings(for: kind).dropping(.open, when: meetings.isEmpty) }

    func willAppear() { table.setCount(meetings.count) }
    func resize(to area: Rect) { table.resize(to: Rect(row: area.row + 2, col: area.col, width: area.width, height: area.height - 2)) }

    func handle(_ key: Key) -> Navigation {
        error = nil
        switch bindings.action(for: key) {
        case .move: _ = table.handle(key)
        case .new:
            let youth = editor.youth
            var meeting = WrapAroundMeeting(date: editor.session.today, chair: editor.session.coachName ?? "coach")
            meeting.agenda = WrapAroundMeeting.draftAgenda(plan: youth.changePlan, actions: youth.actionsInOrder, ownerName: youth.ownerName)
            error = editor.apply { $0.save(meeting) }
            guard error == nil else { break }
            table.setCount(meetings.count)
            table.select(meetings.firstIndex { $0.id == meeting.id } ?? 0)
            return .push(MeetingForm.make(editor: editor, meetingID: meeting.id))
        case .open:
            guard meetings.indices.contains(table.selected) else { break }
            return .push(MeetingForm.make(editor: editor, meetingID: meetings[table.selected].id))
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
        let rows = meetings.map { meeting in
            let missing = youth.participantsWithoutConsent(meeting).count
            return Table.Row([meeting.date.text, meeting.time, meeting.place.isEmpty ? "(plaats?)" : meeting.place,
                              "\(meeting.participants.count)", missing > 0 ? "\(missing)x geen toestemming" : ""],
                             style: meeting.date < today ? .dim : .normal, cellStyles: [nil, nil, nil, nil, .warning])
        }
        table.render(into: &canvas, rows: rows, empty: "Nog geen overleg. Druk op n om er een voor te bereiden; de agenda komt uit het veranderplan.",
                     note: error.map { ($0, .error) })
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
        let form = RecordFormScreen(kind: .meeting, editor: editor, title: "Overleg", heading: "\(editor.youth.name)  ·  Wrap-around overleg", fields: [
            .init(label: "Datum (dd-mm-jjjj)", value: { meeting()?.date.text ?? "" }, edit: .date(optional: false) { day in
                update { $0.date = day ?? $0.date }
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
            // Consent that holds on the day but ends within four weeks, for a meeting still to come.
            let ending = editor.youth.consentProblems(today: session.today).filter { $0.ends != nil && $0.meetingDate == meeting.date }
            var lines: [(text: String, style: Style)] = []
            if !missing.isEmpty { lines.append(("LET OP: geen toestemming geregistreerd voor \(missing.map(\.name).joined(separator: ", ")).", .warning)) }
            lines += ending.map { ("Let op: \($0.text).", .warning) }
            guard !lines.isEmpty else { return [] }
            return lines + [("Delen mag alleen met toestemming (t), behalve om incidenten te voorkomen.", .dim)]
        }, export: {
            guard let meeting = meeting() else { return ("Dit overleg bestaat niet meer.", .error) }
            do {
                let kind = MeetingDocument.Kind.fitting(meeting, today: session.today)
                let paths = try MeetingDocument.Format.allCases.map { format in
                    try session.store.writeExport(MeetingDocument.render(editor.youth, meeting, kind: kind, format: format),
                                                  named: MeetingDocument.fileName(editor.youth, meeting, kind: kind, format: format), youthID: editor.youth.id)
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
