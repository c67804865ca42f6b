import Foundation
import SafeText

/// The agenda before a wrap-around meeting and the minutes after it, as Markdown or plain text.
public enum MeetingDocument {
    public enum Kind: String, CaseIterable, Sendable {
        case agenda, minutes

        /// The agenda while the meeting is still to come, the minutes from its day on.
        public static func fitting(_ meeting: WrapAroundMeeting, today: LocalDate) -> Kind {
            meeting.date > today ? .agenda : .minutes
        }
    }

    public enum Format: String, CaseIterable, Sendable {
        case markdown, text

        var fileExtension: String { self == .markdown ? "md" : "txt" }
    }

    public static func render(_ youth: Youth, _ meeting: WrapAroundMeeting, kind: Kind, format: Format) -> String {
        var out = DocumentWriter(format: format)
        out.title("\(kind == .agenda ? "Agenda" : "Verslag") wrap-around overleg \(youth.name)")
        var when = meeting.date.text
        if !meeting.time.isEmpty { when += " om \(meeting.time)" }
        if !meeting.place.isEmpty { when += ", \(meeting.place)" }
        out.line("Datum: \(when)")
        out.line("Voorzitter: \(meeting.chair)")
        out.blank()

        out.heading("Deelnemers")
        if meeting.participants.isEmpty { out.line("(nog niemand uitgenodigd)") }
        for participant in meeting.participants {
            guard let person = youth.person(participant.personID) else { continue }
            var line = person.name
            if !person.relation.isEmpty { line += " (\(person.relation))" }
            if kind == .minutes, let attended = participant.attended { line += attended ? ": aanwezig" : ": afwezig" }
            out.item(line)
        }
        let missing = youth.participantsWithoutConsent(meeting)
        if !missing.isEmpty {
            out.blank()
            out.line("Let op: geen toestemming geregistreerd voor \(missing.map(\.name).joined(separator: ", ")).")
        }
        out.blank()

        out.heading("Agenda")
        for (index, item) in meeting.agenda.enumerated() {
            out.line("\(index + 1). \(item.title)")
            if kind == .minutes, !item.notes.isEmpty {
                for note in item.notes.split(separator: "\n", omittingEmptySubsequences: false) { out.line("   \(note)") }
            }
        }
        out.blank()
        guard kind == .minutes else { return out.text }

        let agreements = meeting.agreements
        out.heading("Afspraken")
        out.subheading("Doelen")
        out.paragraph(agreements.goals)
        out.subheading("Acties")
        let actions = youth.actions(agreedIn: meeting)
        if actions.isEmpty { out.line("(geen)") }
        for action in actions {
            var line = "\(action.what) — \(youth.ownerName(action.owner))"
            if let due = action.due { line += ", vóór \(due.text)" }
            if action.status != .open { line += " (\(action.status.label))" }
            out.item(line)
        }
        out.blank()
        out.subheading("Rol en bijdrage")
        let roles = meeting.participants.compactMap { p in
            agreements.roles[p.personID].flatMap { role in youth.person(p.personID).map { "\($0.name): \(role)" } }
        }
        if roles.isEmpty { out.line("(geen)") }
        roles.forEach { out.item($0) }
        out.blank()
        out.subheading("Elkaar op de hoogte houden")
        out.paragraph(agreements.informing)
        out.subheading("Volgende keer")
        out.paragraph(agreements.nextMeeting?.text ?? "")
        out.subheading("Ontbindende voorwaarden en redenen voor een nieuw overleg")
        out.paragraph(agreements.dissolvingConditions)
        return out.text
    }

    public static func fileName(_ youth: Youth, _ meeting: WrapAroundMeeting, kind: Kind, format: Format) -> String {
        let plain = String(youth.name.sortKey.map { $0.isLetter || $0.isNumber ? $0 : "-" }).split(separator: "-").joined(separator: "-")
        return "\(kind == .agenda ? "agenda" : "verslag")-\(plain)-\(meeting.date.iso).\(format.fileExtension)"
    }
}

/// Lines in either format: Markdown marks headings and lists; plain text underlines and dashes.
struct DocumentWriter {
    typealias Format = MeetingDocument.Format
    let format: Format
    var lines: [String] = []

    /// Made safe in one place: no character from the data can act on a terminal or a viewer.
    var text: String { SafeText.escaped(lines.joined(separator: "\n") + "\n", keepingLineBreaks: true) }

    // Titles, headings, lines and items are one line each: a line break a hand-edited file put in
    // a one-line text is shown as \x0A (SafeText), never a new line that could start a heading.

    mutating func title(_ text: String) {
        let text = SafeText.escaped(text)
        if format == .markdown { lines += ["# \(text)", ""] } else { lines += [text, String(repeating: "=", count: text.count), ""] }
    }

    mutating func heading(_ text: String) {
        let text = SafeText.escaped(text)
        if format == .markdown { lines += ["## \(text)", ""] } else { lines += [text, String(repeating: "-", count: text.count), ""] }
    }

    mutating func subheading(_ text: String) {
        lines += [format == .markdown ? "### \(SafeText.escaped(text))" : "\(SafeText.escaped(text)):", ""]
    }

    mutating func line(_ text: String) { lines.append(SafeText.escaped(text)) }
    mutating func item(_ text: String) { lines.append("- \(SafeText.escaped(text))") }
    mutating func blank() { lines.append("") }

    mutating func paragraph(_ text: String) {
        lines.append(text.isEmpty ? "(geen)" : text)
        lines.append("")
    }
}
