import Foundation
import SafeText

/// The veranderplan as Markdown, to print or to share with the young person.
public enum PlanMarkdown {
    /// `today` marks overdue actions; `timeZone` gives the day of the last change.
    public static func render(_ youth: Youth, today: LocalDate, timeZone: TimeZone) -> String {
        let plan = youth.changePlan
        // One-line texts stay on one line (`line`); the plan's parts keep their line breaks.
        var lines = ["# Veranderplan van \(line(youth.name))", ""]
        var facts: [String] = []
        if let changed = plan.changed { facts.append("Laatst gewijzigd: \(LocalDate(changed, timeZone: timeZone).text)") }
        facts.append("Fase: \(youth.phase.label)")
        facts.append("Hoofdstrategie: \(plan.strategy?.label ?? "nog niet gekozen")")
        lines += [facts.joined(separator: " · "), ""]
        for part in ChangePlan.Part.allCases {
            lines += ["## \(part.label)", "", plan[part].isEmpty ? "_(nog niet ingevuld)_" : keepingLineBreaks(plan[part]), ""]
        }
        lines += ["## Acties", ""]
        if youth.actions.isEmpty { lines.append("_(nog geen acties)_") }
        for action in youth.actionsInOrder {
            let box = action.status == .done ? "[x]" : "[ ]"
            var entry = "- \(box) \(line(action.what)) — \(line(youth.ownerName(action.owner)))"
            if let due = action.due { entry += ", vóór \(due.text)" }
            if action.status == .cancelled { entry += " (vervallen)" }
            if action.isOverdue(on: today) { entry += " — **te laat**" }
            lines.append(entry)
        }
        lines.append("")
        // Made safe in one place: no character from the data can act on a terminal or a viewer.
        return SafeText.escaped(lines.joined(separator: "\n"), keepingLineBreaks: true)
    }

    /// A one-line text (a name, an action) as one line of a document: a line break a hand-edited
    /// file put in it is shown as \x0A, never a new line that could start a heading or a list item.
    static func line(_ text: String) -> String { SafeText.escaped(text) }

    /// The coach's text with each line break kept: a single newline inside a paragraph becomes a
    /// hard break (a backslash at the end of the line), so two lines never run together.
    static func keepingLineBreaks(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.indices.map { index in
            let line = lines[index]
            let nextHasText = index + 1 < lines.count && !lines[index + 1].trimmingCharacters(in: .whitespaces).isEmpty
            return !line.trimmingCharacters(in: .whitespaces).isEmpty && nextHasText ? line + "\\" : String(line)
        }.joined(separator: "\n")
    }

    /// A file name for the export: the name in plain letters, and the day.
    public static func fileName(for youth: Youth, on day: LocalDate) -> String {
        let name = plain(youth.name)
        return "veranderplan-\(name.isEmpty ? youth.id : name)-\(day.iso).md"
    }

    /// A name in plain letters and digits joined by `-`, as export file names carry it ("zoe-celik").
    static func plain(_ name: String) -> String {
        String(name.sortKey.map { $0.isLetter || $0.isNumber ? $0 : "-" }).split(separator: "-").joined(separator: "-")
    }
}

extension CaseloadStore {
    var exportsDirectory: String { directory + "/exports" }

    /// Writes an export into the data directory's exports/ folder (0700/0600) and returns its
    /// path relative to the data directory ("exports/…"), as every screen names it. An export of
    /// one youth carries the youth's number before its extension (`…-2026-11-22-nr3f2a9c1e.md`),
    /// so that erasing the dossier finds it whatever the name was then (Erasure.swift).
    @discardableResult
    public func writeExport(_ text: String, named name: String, youthID: String? = nil) throws -> String {
        try requireWritable()
        let name = youthID.map { Self.exportName(name, youthID: $0) } ?? name
        try PrivateFiles.makeDirectory(exportsDirectory, tightenExisting: true)
        try PrivateFiles.writeAtomically(Data(text.utf8), to: exportsDirectory + "/" + name)
        return "exports/" + name
    }
}
