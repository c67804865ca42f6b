import Caseload
import TerminalKit

/// Who is invited to a meeting, picked from the youth's network and professionals, whether they
/// came, and whether consent to share information with them is on record for the meeting's date.
final class ParticipantsScreen: Screen, OfOneYouth {
    let kind = ScreenKind.participants
    let title = "Deelnemers"
    let editor: YouthEditor
    private let meetingID: String
    private var table = Table(columns: [.init("", width: 3), .init("Naam", width: 22, minimum: 10), .init("Relatie / organisatie", width: 21, minimum: 8),
                                        .init("Aanwezig", width: 8), .init("Toestemming", width: 11)], detailLines: 3)
    private var error: String?

    init(editor: YouthEditor, meetingID: String) {
        self.editor = editor
        self.meetingID = meetingID
        table.setCount(editor.youth.people.count)
    }

    func willAppear() { table.setCount(people.count) }
    func resize(to area: Rect) { table.resize(to: Rect(row: area.row + 2, col: area.col, width: area.width, height: area.height - 2)) }

    private var meeting: WrapAroundMeeting? { editor.youth.meetings.first { $0.id == meetingID } }
    private var people: [Person] { editor.youth.people }

    /// Inviting and attendance only on a selected person; on one already invited the same key
    /// takes them off the list, and is named so.
    var bindings: [KeyBinding] {
        let rows = KeyTable.bindings(for: kind)
        guard people.indices.contains(table.selected) else { return rows.dropping(.invite, .attended) }
        let id = people[table.selected].id
        let invited = meeting?.participants.contains { $0.personID == id } ?? false
        return invited ? rows.naming(.invite, "van de lijst", help: "De gekozen persoon weer van de lijst van genodigden halen") : rows
    }

    func handle(_ key: Key) -> Navigation {
        error = nil
        guard var meeting else { return .pop }
        let all = people
        table.setCount(all.count)
        switch bindings.action(for: key) {
        case .move: _ = table.handle(key)
        case .invite:
            guard all.indices.contains(table.selected) else { break }
            let id = all[table.selected].id
            if meeting.participants.contains(where: { $0.personID == id }) {
                meeting.participants.removeAll { $0.personID == id }
            } else {
                meeting.participants.append(Participant(personID: id))
            }
            error = editor.apply { $0.save(meeting) }
        case .attended:
            guard all.indices.contains(table.selected),
                  let index = meeting.participants.firstIndex(where: { $0.personID == all[table.selected].id }) else {
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
        case .openConsents: return .push(ConsentScreen(editor: editor))
        case .back: return .pop
        default: break
        }
        return .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        guard let meeting else { return }
        let youth = editor.youth
        canvas.put("\(youth.name)  ·  Deelnemers overleg \(meeting.date.text)", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        let withoutConsent = Set(youth.participantsWithoutConsent(meeting).map(\.id))
        let rows = people.map { person in
            let participant = meeting.participants.first { $0.personID == person.id }
            let relation = person.relation.isEmpty ? person.kind.label.lowercased() : person.relation
            var cells = [participant == nil ? "[ ]" : "[x]", person.name, relation]
            let missing = participant != nil && withoutConsent.contains(person.id)
            if let participant { cells += [participant.attended.map { $0 ? "ja" : "nee" } ?? "?", missing ? "GEEN" : "ja"] }
            return Table.Row(cells, style: participant == nil ? .dim : .normal, cellStyles: [nil, nil, nil, nil, missing ? .warning : nil],
                             full: ([person.name, relation] + (participant == nil ? ["niet uitgenodigd"] : [])).joined(separator: " · "))
        }
        let warning = withoutConsent.isEmpty ? nil
            : ("LET OP: \(withoutConsent.count) deelnemer(s) zonder toestemming op \(meeting.date.text); leg die vast bij toestemming\(bindings.keyName(for: .openConsents).map { " (\($0))" } ?? "").", Style.warning)
        table.render(into: &canvas, rows: rows, empty: "Nog niemand in het netwerk of bij de professionals. Druk op m om mensen toe te voegen.",
                     note: error.map { ($0, .error) } ?? warning)
    }
}
