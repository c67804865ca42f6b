import Caseload
import TerminalKit

/// Who is invited to a meeting, picked from the youth's network and professionals, whether they
/// came, and whether consent to share information with them is on record for the meeting's date.
final class ParticipantsScreen: Screen {
    let kind = ScreenKind.participants
    let title = "Deelnemers"
    private let editor: YouthEditor
    private let meetingID: String
    private var list = ListState()
    private var error: String?

    init(editor: YouthEditor, meetingID: String) {
        self.editor = editor
        self.meetingID = meetingID
        list.setCount(editor.youth.people.count)
    }

    private var meeting: WrapAroundMeeting? { editor.youth.meetings.first { $0.id == meetingID } }
    private var people: [Person] { editor.youth.people }

    func handle(_ key: Key) -> Navigation {
        error = nil
        guard var meeting else { return .pop }
        let all = people
        list.setCount(all.count)
        switch KeyTable.action(for: key, on: kind) {
        case .move: _ = list.handle(key, pageSize: 10)
        case .invite:
            guard all.indices.contains(list.selected) else { break }
            let id = all[list.selected].id
            if meeting.participants.contains(where: { $0.personID == id }) {
                meeting.participants.removeAll { $0.personID == id }
            } else {
                meeting.participants.append(Participant(personID: id))
            }
            error = editor.apply { $0.save(meeting) }
        case .attended:
            guard all.indices.contains(list.selected),
                  let index = meeting.participants.firstIndex(where: { $0.personID == all[list.selected].id }) else {
                error = "Nodig deze persoon eerst uit (spatie)."
                break
            }
            let next: Bool? = switch meeting.participants[index].attended {
            case nil: true
            case true?: false
            case false?: nil
            }
            meeting.participants[index].attended = next
            error = editor.apply { $0.save(meeting) }
        case .openPeople: return .push(PeopleScreen(editor: editor))
        case .back: return .pop
        default: break
        }
        return .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        guard let meeting else { return }
        let youth = editor.youth
        canvas.put("\(youth.name)  ·  Deelnemers overleg \(meeting.date.text)", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        let all = people
        // Drawing changes nothing: a copy of the list with the count of what is drawn.
        var list = self.list
        list.setCount(all.count)
        let header = area.row + 2
        let table = TableLayout([.init("", width: 3), .init("Naam", width: 22, minimum: 10), .init("Relatie / organisatie", width: 21, minimum: 8),
                                 .init("Aanwezig", width: 8), .init("Toestemming", width: 11)], width: area.width, gap: 2)
        table.put(["", "Naam", "Relatie / organisatie", "Aanwezig", "Toestemming"], row: header, into: &canvas, style: .heading)
        if all.isEmpty {
            canvas.putWrapped("Nog niemand in het netwerk of bij de professionals. Druk op m om mensen toe te voegen.",
                              row: header + 2, col: 2, width: area.width - 4, style: .dim)
        }
        let withoutConsent = Set(youth.participantsWithoutConsent(meeting).map(\.id))
        for (line, index) in list.visibleRange(height: area.height - 4).enumerated() {
            let person = all[index]
            let row = header + 1 + line
            let participant = meeting.participants.first { $0.personID == person.id }
            let selected = index == list.selected
            let style: Style = selected ? .selected : participant == nil ? .dim : .normal
            canvas.fill(Rect(row: row, col: 0, width: area.width, height: 1), style: style)
            let relation = person.relation.isEmpty ? person.kind.label.lowercased() : person.relation
            var cells = [participant == nil ? "[ ]" : "[x]", person.name, relation]
            let missing = participant != nil && withoutConsent.contains(person.id)
            if let participant { cells += [participant.attended.map { $0 ? "ja" : "nee" } ?? "?", missing ? "GEEN" : "ja"] }
            table.put(cells, row: row, into: &canvas, style: style, styles: [nil, nil, nil, nil, missing && !selected ? .warning : nil])
        }
        let bottom = area.row + area.height - 1
        if let error {
            canvas.putAbove(error, bottomRow: bottom, col: 2, width: area.width - 4, style: .error)
        } else if !withoutConsent.isEmpty {
            canvas.putAbove("LET OP: \(withoutConsent.count) deelnemer(s) zonder toestemming op \(meeting.date.text); leg die vast bij toestemming (t).",
                            bottomRow: bottom, col: 2, width: area.width - 4, style: .warning)
        }
    }
}
