import Foundation
import SafeText

/// Why a stored document that parses is still not one the screens can rely on: the field, as a
/// path in the file, its value, and the rule. Names no personal data: a value is given only for
/// codes, numbers and ids (escaped, and shortened by `SafeText.quoted`); for a text or a date
/// (a name, a date of birth) the caller passes "" and the message names the field and the rule.
public struct ValidationFailure: Error, Equatable {
    public let field: String
    public let value: String
    public let rule: String

    init(_ field: String, _ value: String, _ rule: String) {
        self.field = field
        self.value = value
        self.rule = rule
    }

    /// The value is quoted short: a hostile file may hold megabytes where an id is expected.
    public var text: String {
        if value.isEmpty { return "\(field): \(rule)" }
        let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
        return "\(field) = \(SafeText.quoted(shown)): \(rule)"
    }
}

/// A stored document that checks itself: the one validation used when its file is read (a
/// failure sends the file to quarantine) and before it is written (a failure refuses the save,
/// naming the field), so that nothing the program writes is refused when it is read back.
protocol ValidatedDocument {
    func validate() throws(ValidationFailure)
}

extension Youth {
    /// Checks every value a screen relies on: score ranges, codes of the catalog, times, unique
    /// ids, and that references between records point at something that exists. The first fault
    /// found is thrown; nothing is repaired.
    public func validate() throws(ValidationFailure) {
        // The id names the youth's file and its drafts.
        guard Self.isFileNameSafe(id) else { throw ValidationFailure("id", id, "letters, cijfers en streepjes") }
        try checkTextLimits()
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationFailure("name", "", "een naam is verplicht") }
        guard let last = phaseHistory.last else { throw ValidationFailure("phaseHistory", "[]", "de fasegeschiedenis is leeg") }
        guard last.to == phase else {
            throw ValidationFailure("phase", phase.rawValue, "past niet bij de laatste fasewissel (\(last.to.rawValue))")
        }
        try Self.unique(measurements.map(\.id), "measurements")
        for (index, measurement) in measurements.enumerated() {
            try measurement.validate(at: "measurements[\(index)]")
        }
        try quickScan.validate()

        let personIDs = people.map(\.id)
        try Self.unique(personIDs, "network/professionals")
        for (index, person) in network.enumerated() where person.kind != .network {
            throw ValidationFailure("network[\(index)].kind", person.kind.rawValue, "iemand in het netwerk heeft soort network")
        }
        for (index, person) in professionals.enumerated() where person.kind != .professional {
            throw ValidationFailure("professionals[\(index)].kind", person.kind.rawValue, "een professional heeft soort professional")
        }
        let known = Set(personIDs)
        let meetingIDs = Set(meetings.map(\.id))
        try Self.unique(actions.map(\.id), "actions")
        for (index, action) in actions.enumerated() {
            if case .person(let id) = action.owner, !known.contains(id) {
                throw ValidationFailure("actions[\(index)].owner.personID", id, "die persoon staat niet in het netwerk of bij de professionals")
            }
            if let meetingID = action.meetingID, !meetingIDs.contains(meetingID) {
                throw ValidationFailure("actions[\(index)].meetingID", meetingID, "dat overleg bestaat niet")
            }
        }
        let actionIDs = Set(actions.map(\.id))
        try Self.unique(meetings.map(\.id), "meetings")
        for (index, meeting) in meetings.enumerated() {
            let path = "meetings[\(index)]"
            // The ids name the draft of an agenda item's notes: never a path.
            if !Self.isFileNameSafe(meeting.id) { throw ValidationFailure("\(path).id", meeting.id, "letters, cijfers en streepjes") }
            for (a, item) in meeting.agenda.enumerated() where !Self.isFileNameSafe(item.id) {
                throw ValidationFailure("\(path).agenda[\(a)].id", item.id, "letters, cijfers en streepjes")
            }
            if (try? WrapAroundMeeting.validTime(meeting.time)) != meeting.time {
                throw ValidationFailure("\(path).time", meeting.time, "een tijd is uu:mm of leeg")
            }
            for (p, participant) in meeting.participants.enumerated() where !known.contains(participant.personID) {
                throw ValidationFailure("\(path).participants[\(p)].personID", participant.personID, "die persoon bestaat niet")
            }
            try Self.unique(meeting.participants.map(\.personID), "\(path).participants")
            try Self.unique(meeting.agenda.map(\.id), "\(path).agenda")
            for (a, item) in meeting.agenda.enumerated() {
                if case .action(let id) = item.source, !actionIDs.contains(id) {
                    throw ValidationFailure("\(path).agenda[\(a)].source.actionID", id, "die actie bestaat niet")
                }
            }
            for id in meeting.agreements.roles.keys.sorted() where !known.contains(id) {
                throw ValidationFailure("\(path).agreements.roles", id, "die persoon bestaat niet")
            }
        }
        try Self.unique(consents.map(\.id), "consents")
        for (index, consent) in consents.enumerated() {
            switch consent.purpose {
            case .sharing where !known.contains(consent.personID):
                throw ValidationFailure("consents[\(index)].personID", consent.personID, "die persoon bestaat niet")
            case .research where !consent.personID.isEmpty:
                throw ValidationFailure("consents[\(index)].personID", consent.personID, "een toestemming voor onderzoek hoort bij geen persoon")
            default: break
            }
            if let withdrawn = consent.withdrawn, withdrawn < consent.from {
                throw ValidationFailure("consents[\(index)].withdrawn", "", "ligt vóór het begin van de toestemming")
            }
            if let until = consent.until, until < consent.from {
                throw ValidationFailure("consents[\(index)].until", "", "ligt vóór het begin van de toestemming")
            }
        }
        try Self.unique(journal.map(\.id), "journal")
        for (index, entry) in journal.enumerated() {
            // The id names the draft of the entry's report.
            if !Self.isFileNameSafe(entry.id) { throw ValidationFailure("journal[\(index)].id", entry.id, "letters, cijfers en streepjes") }
            if let minutes = entry.minutes, !(1...JournalEntry.longest).contains(minutes) {
                throw ValidationFailure("journal[\(index)].minutes", String(minutes), "een duur is 1 tot en met \(JournalEntry.longest) minuten")
            }
            if Set(entry.principles).count != entry.principles.count {
                throw ValidationFailure("journal[\(index)].principles", entry.principles.map(\.rawValue).joined(separator: ","), "elk principe één keer")
            }
        }
        try Self.unique(scoutAttempts.map(\.id), "scoutAttempts")
        try validatePlacementsAndTalks()
        try validateClosing()
    }

    /// The end of the method (schema 8): closures that fit the phase history (each one a move to
    /// Afgesloten on its day from its phase, counts not negative), reopenings to an open phase,
    /// escalations answered not before they were raised, ids that can name a file, borg steps in
    /// order.
    private func validateClosing() throws(ValidationFailure) {
        try Self.unique(closures.map(\.id), "closures")
        // Each closure is one move to Afgesloten in the history: same day, from the same phase. A
        // case closed before closures were recorded (schema 7) has moves without a closure.
        var unmatched = phaseHistory.filter { $0.to == .closed }
        for (index, closure) in closures.enumerated() {
            let path = "closures[\(index)]"
            if !Self.isFileNameSafe(closure.id) { throw ValidationFailure("\(path).id", closure.id, "letters, cijfers en streepjes") }
            if closure.from == .closed {
                throw ValidationFailure("\(path).from", closure.from.rawValue, "een dossier wordt afgesloten vanuit een open fase")
            }
            guard let change = unmatched.firstIndex(where: { $0.date == closure.date && $0.from == closure.from }) else {
                throw ValidationFailure("\(path).date", closure.date.text, "een fasewissel naar afgesloten op die dag vanuit \(closure.from.rawValue)")
            }
            unmatched.remove(at: change)
            if closure.actionsClosed < 0 { throw ValidationFailure("\(path).actionsClosed", String(closure.actionsClosed), "0 of meer") }
            if closure.placementsEnded < 0 { throw ValidationFailure("\(path).placementsEnded", String(closure.placementsEnded), "0 of meer") }
        }
        for (index, reopening) in reopenings.enumerated() where reopening.phase == .closed {
            throw ValidationFailure("reopenings[\(index)].phase", reopening.phase.rawValue, "een heropend dossier gaat naar een open fase")
        }
        try Self.unique(escalations.map(\.id), "escalations")
        for (index, escalation) in escalations.enumerated() {
            if !Self.isFileNameSafe(escalation.id) {
                throw ValidationFailure("escalations[\(index)].id", escalation.id, "letters, cijfers en streepjes")
            }
            if let answered = escalation.answeredOn, answered < escalation.raisedOn {
                throw ValidationFailure("escalations[\(index)].answeredOn", "", "ligt vóór de dag van de vraag")
            }
        }
        for (index, pair) in zip(borgSteps, borgSteps.dropFirst()).enumerated() where pair.1.date < pair.0.date {
            throw ValidationFailure("borgSteps[\(index + 1)].date", pair.1.date.text, "niet vóór de vorige intensiteit (\(pair.0.date.text))")
        }
    }

    /// Placements and talks (schema 7): ids that can name a draft, one lopende placement per kind,
    /// talks that belong to a placement of this youth, scores of the ten skills.
    private func validatePlacementsAndTalks() throws(ValidationFailure) {
        try Self.unique(placements.map(\.id), "placements")
        var running = Set<PlaceKind>()
        for (index, placement) in placements.enumerated() {
            let path = "placements[\(index)]"
            if !Self.isFileNameSafe(placement.id) { throw ValidationFailure("\(path).id", placement.id, "letters, cijfers en streepjes") }
            if !Self.isFileNameSafe(placement.workplaceID) {
                throw ValidationFailure("\(path).workplaceID", placement.workplaceID, "letters, cijfers en streepjes")
            }
            if placement.status == .running, !running.insert(placement.kind).inserted {
                throw ValidationFailure("\(path).status", placement.kind.rawValue, "hoogstens één lopende plaatsing per soort")
            }
            if let end = placement.plannedEnd, end < placement.start { throw ValidationFailure("\(path).plannedEnd", "", "ligt vóór de start") }
            if let end = placement.end, end < placement.start { throw ValidationFailure("\(path).end", "", "ligt vóór de start") }
        }
        let placementIDs = Set(placements.map(\.id))
        let skills = Set(Catalog.basicSkills.map(\.code))
        try Self.unique(progressTalks.map(\.id), "progressTalks")
        for (index, talk) in progressTalks.enumerated() {
            let path = "progressTalks[\(index)]"
            // The id names the draft of the talk's notes.
            if !Self.isFileNameSafe(talk.id) { throw ValidationFailure("\(path).id", talk.id, "letters, cijfers en streepjes") }
            if !placementIDs.contains(talk.placementID) { throw ValidationFailure("\(path).placementID", talk.placementID, "die plaatsing bestaat niet") }
            for code in talk.scores.keys.sorted() where !skills.contains(code) {
                throw ValidationFailure("\(path).scores", code, "geen basisvaardigheid")
            }
        }
    }

    /// An id that can name a file (a youth's, a draft's): ASCII letters, digits and dashes.
    static func isFileNameSafe(_ id: String) -> Bool {
        // Over bytes: the same ASCII letters, digits and "-", without the Unicode tables (a save checks every id of a record).
        !id.isEmpty && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D }
    }

    private static func unique(_ ids: [String], _ field: String) throws(ValidationFailure) {
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted {
            throw ValidationFailure("\(field).id", id, "dit nummer komt twee keer voor")
        }
    }
}

extension ZRMMeasurement {
    func validate(at path: String) throws(ValidationFailure) {
        let codes = Set(Catalog.lifeDomains.map(\.code))
        for code in scores.keys.sorted() {
            guard codes.contains(code) else { throw ValidationFailure("\(path).scores", code, "geen leefgebied van de ZRM") }
            if let score = scores[code]?.score, !(1...5).contains(score) {
                throw ValidationFailure("\(path).scores.\(code).score", String(score), "een ZRM-score is 1 tot en met 5")
            }
        }
    }
}

extension QuickScan {
    func validate() throws(ValidationFailure) {
        let domains = Set(Catalog.lifeDomains.map(\.code))
        for code in situation.keys.sorted() where !domains.contains(code) {
            throw ValidationFailure("quickScan.situation", code, "geen leefgebied van de ZRM")
        }
        let skills = Set(Catalog.basicSkills.map(\.code))
        for code in basicSkills.keys.sorted() where !skills.contains(code) {
            throw ValidationFailure("quickScan.basicSkills", code, "geen basisvaardigheid")
        }
    }
}
