import Caseload
import TerminalKit

/// The agenda across the caseload: upcoming wrap-around meetings, and every open action that is
/// due within a week or overdue, by person (those agreed in a meeting marked). Enter opens the youth;
/// `i` writes the calendar of the caseload (AgendaCalendar) into exports/ to import elsewhere.
final class CaseloadAgendaScreen: Screen {
    private struct Line {
        var text: String
        var style: Style
        var youthID: String?
    }

    let kind = ScreenKind.caseloadAgenda
    let title = "Agenda"
    private let session: Session
    private var lines: [Line] = []
    /// One column of lines, without a header: headings, meetings and actions.
    private var table = Table(columns: [.init("", width: 200, minimum: 10)])
    /// What the last key did or why it failed, under the list.
    private var message: (text: String, style: Style)?
    /// Actions due within this many days count as coming up.
    static let horizonDays = 7

    init(session: Session) {
        self.session = session
        rebuild()
    }

    func willAppear() { rebuild() }
    func resize(to area: Rect) { table.resize(to: Rect(row: area.row + 1, col: area.col, width: area.width, height: area.height - 1)) }

    private func rebuild() {
        let today = session.today
        // A closed case is on no agenda, whatever it kept open (a reopening brings it back).
        let summaries = session.store.summaries.filter { $0.phase != .closed }.sorted { $0.name.sortKey < $1.name.sortKey }
        var result = [Line(text: "Komende overleggen", style: .heading)]
        let meetings = summaries.flatMap { s in s.meetingDates.filter { $0 >= today }.map { (date: $0, summary: s) } }
            .sorted { $0.date < $1.date }
        if meetings.isEmpty { result.append(Line(text: "  geen", style: .dim)) }
        for meeting in meetings {
            let when = meeting.date == today ? "vandaag" : "over \(today.days(until: meeting.date)) d."
            result.append(Line(text: "  \(meeting.date.text)  \(meeting.summary.name)  (\(when))", style: .normal, youthID: meeting.summary.id))
        }
        result.append(Line(text: "", style: .normal))
        result.append(Line(text: "Acties: te laat of binnen \(Self.horizonDays) dagen, per persoon", style: .heading))
        let due = summaries.flatMap { s in s.openActions.map { (action: $0, summary: s) } }
            .filter { today.days(until: $0.action.due) <= Self.horizonDays }
        let byOwner = Dictionary(grouping: due) { $0.action.owner }
        if byOwner.isEmpty { result.append(Line(text: "  geen", style: .dim)) }
        for (owner, entries) in byOwner.sorted(by: { $0.key.sortKey < $1.key.sortKey }) {
            result.append(Line(text: "  \(owner)", style: .accent))
            for entry in entries.sorted(by: { $0.action.due < $1.action.due }) {
                let date = entry.action.due
                let late = date < today
                let agreed = entry.action.agreedInMeeting ? ", afgesproken in overleg" : ""
                result.append(Line(text: "    \(session.shortDate(date))\(late ? " TE LAAT" : "")  \(entry.action.what)  (\(entry.summary.name)\(agreed))",
                                   style: late ? .warning : .normal, youthID: entry.summary.id))
            }
        }
        lines = result
        table.setCount(lines.count)
    }

    /// Enter opens a dossier only on a line of a youth (not on a heading or "geen").
    var bindings: [KeyBinding] {
        KeyTable.bindings(for: kind).dropping(.open, when: !lines.indices.contains(table.selected) || lines[table.selected].youthID == nil)
    }

    func handle(_ key: Key) -> Navigation {
        // A key that does nothing leaves the message standing.
        guard let command = bindings.action(for: key) else { return .stay }
        message = nil
        switch command {
        case .move: _ = table.handle(key)
        case .open:
            guard lines.indices.contains(table.selected), let id = lines[table.selected].youthID else { break }
            do { return .push(try YouthScreen(session: session, id: id)) } catch { message = (error.localizedDescription, .error) }
        case .exportCalendar: message = exportCalendar()
        case .back: return .pop
        default: break
        }
        return .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        canvas.put("Agenda van de caseload  ·  \(session.today.text)", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        table.render(into: &canvas, rows: lines.map { Table.Row([$0.text], style: $0.style) }, empty: "",
                     note: message)
    }

    /// The calendar into exports/; the message says where and how many items it holds.
    private func exportCalendar() -> (text: String, style: Style) {
        do {
            let (path, count) = try session.store.writeCalendar(today: session.today, now: session.now)
            let items = count == 1 ? "1 afspraak" : "\(count) afspraken"
            return ("Agenda: \(items); in \(ExportPlace.fullPath(path, in: session.store.directory)). Importeer het in uw agenda.", .accent)
        } catch {
            return ("Agenda niet opgeslagen: \(error.localizedDescription)", .error)
        }
    }
}
