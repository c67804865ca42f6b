import Foundation

/// How intensely a case in Borgen is still followed (borgingsintensiteit), from schema 8.
public enum BorgIntensity: String, StoredCode, Sendable {
    case intensive = "intensive"
    case light = "light"
    case phasedOut = "phasedOut"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .intensive: "intensief"
        case .light: "licht"
        case .phasedOut: "afgebouwd"
        }
    }
}

/// One step of the borg intensity, on the day it was set.
public struct BorgStep: Codable, Equatable, Sendable {
    public var intensity: BorgIntensity
    public var date: LocalDate

    public init(_ intensity: BorgIntensity, on date: LocalDate) {
        self.intensity = intensity
        self.date = date
    }
}

/// What setting the borg intensity did.
public enum BorgChange: Equatable, Sendable {
    /// A new step, after the last one.
    case added
    /// The last step's intensity or day was corrected.
    case corrected
    /// The intensity was already so: nothing was written.
    case unchanged
}

/// Where a closed case went (uitstroom).
public enum Outcome: String, StoredCode, Sendable {
    case regularWork = "regularWork"
    case subsidisedWork = "subsidisedWork"
    case education = "education"
    case ownBusiness = "ownBusiness"
    case moved = "moved"
    case stoppedByYouth = "stoppedByYouth"
    case handedOver = "handedOver"
    case other = "other"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .regularWork: "regulier werk"
        case .subsidisedWork: "werk met loonkostensubsidie"
        case .education: "opleiding"
        case .ownBusiness: "eigen onderneming (deeltijd)"
        case .moved: "verhuisd"
        case .stoppedByYouth: "gestopt door jongere"
        case .handedOver: "overgedragen aan andere coach"
        case .other: "anders"
        }
    }
}

/// What closing does with the open actions of the case.
public enum ActionsOnClosing: String, StoredCode, Sendable {
    /// Each open action is cancelled (vervallen) on the day of closing.
    case closedWithCase = "closedWithCase"
    /// They stay open, for after a reopening; a closed case shows on no agenda.
    case kept = "kept"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .closedWithCase: "vervallen met het dossier"
        case .kept: "blijven open staan"
        }
    }
}

/// What closing does with the lopende placements.
public enum PlacementsOnClosing: String, StoredCode, Sendable {
    /// Each lopende placement ends on the day of closing (`PlacementEnding.caseClosed`).
    case ended = "ended"
    /// They keep running: the young person works on, without the coach.
    case kept = "kept"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .ended: "beëindigd op de afsluitdatum"
        case .kept: "lopen door"
        }
    }
}

/// A reopening of a closed case: when, why, and the phase it returned to. Kept in a list of its
/// own (not inside a closure), so that a case closed before closures were recorded (schema 7 and
/// earlier) is reopened with its reason recorded too.
public struct Reopening: Codable, Equatable, Sendable {
    public var date: LocalDate
    public var reason: String
    public var phase: Phase

    public init(date: LocalDate, reason: String, phase: Phase) {
        self.date = date
        self.reason = reason
        self.phase = phase
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decode(LocalDate.self, forKey: .date)
        reason = try c.value(.reason, or: "")
        phase = try c.decode(Phase.self, forKey: .phase)
    }
}

/// The closing of a case (afsluiting): its outcome and what became of the open actions and the
/// lopende placements. A case closed again after a reopening has a second closure; the latest
/// one counts for reports and retention.
public struct Closure: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var date: LocalDate
    /// The phase the case was in when it was closed: a reopening returns there.
    public var from: Phase
    public var outcome: Outcome
    /// What "anders" means, or a detail of the outcome (which school, which employer).
    public var outcomeDetail: String
    public var note: String
    public var actions: ActionsOnClosing
    public var placements: PlacementsOnClosing
    /// How many open actions were cancelled and lopende placements ended, for the history.
    public var actionsClosed: Int
    public var placementsEnded: Int

    public init(date: LocalDate, from: Phase, outcome: Outcome, outcomeDetail: String = "", note: String = "",
                actions: ActionsOnClosing, placements: PlacementsOnClosing, id: String = UUID().uuidString.lowercased()) {
        self.id = id
        self.date = date
        self.from = from
        self.outcome = outcome
        self.outcomeDetail = outcomeDetail
        self.note = note
        self.actions = actions
        self.placements = placements
        actionsClosed = 0
        placementsEnded = 0
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        date = try c.decode(LocalDate.self, forKey: .date)
        from = try c.decode(Phase.self, forKey: .from)
        outcome = try c.decode(Outcome.self, forKey: .outcome)
        outcomeDetail = try c.value(.outcomeDetail, or: "")
        note = try c.value(.note, or: "")
        actions = try c.value(.actions, or: .kept)
        placements = try c.value(.placements, or: .kept)
        actionsClosed = try c.value(.actionsClosed, or: 0)
        placementsEnded = try c.value(.placementsEnded, or: 0)
    }

    /// "regulier werk" or "anders: verhuisd naar Spanje".
    public var outcomeText: String { outcomeDetail.isEmpty ? outcome.label : "\(outcome.label): \(outcomeDetail)" }
}

/// What the coach fills in on the closing form.
public struct ClosingInput: Equatable, Sendable {
    public var outcome: Outcome
    public var outcomeDetail: String
    public var date: LocalDate
    public var note: String
    public var actions: ActionsOnClosing
    public var placements: PlacementsOnClosing

    public init(outcome: Outcome, outcomeDetail: String = "", date: LocalDate, note: String = "",
                actions: ActionsOnClosing = .closedWithCase, placements: PlacementsOnClosing = .ended) {
        self.outcome = outcome
        self.outcomeDetail = outcomeDetail
        self.date = date
        self.note = note
        self.actions = actions
        self.placements = placements
    }
}

extension Youth {
    /// The closures, oldest first; the latest counts.
    public var latestClosure: Closure? { closures.last }

    /// The closure in force: the latest, while the case is closed; nil for an open case, and for a
    /// case closed before closures were recorded.
    public var currentClosure: Closure? {
        guard phase == .closed, let closure = latestClosure, closure.date == phaseSince else { return nil }
        return closure
    }

    /// The day the case was closed, for a closed case: its latest closure, or for a case closed
    /// before closures were recorded (schema 7 and earlier) the day it moved to Afgesloten.
    public var closedOn: LocalDate? {
        phase == .closed ? phaseSince : nil
    }

    /// The borg intensity set since the case last entered Borgen; nil outside Borgen.
    public var borgStep: BorgStep? {
        guard phase == .borg, let since = phaseSince else { return nil }
        return borgSteps.last { $0.date >= since }
    }

    /// Sets the borg intensity on `day`: only in Borgen, not before the case entered it, not after
    /// today. A day after the last step adds a step (the same intensity changes nothing); a day on
    /// or before it corrects the last step (its intensity and day), though not onto or before the
    /// step before it. So there are never two steps on one day.
    @discardableResult
    public mutating func setBorgIntensity(_ intensity: BorgIntensity, on day: LocalDate, today: LocalDate, now: Date) throws(InputError) -> BorgChange {
        guard phase == .borg else { throw InputError("De borgingsintensiteit hoort bij de fase Borgen; dit dossier is in \(phase.label).") }
        _ = try day.notAfter(today, "Een borgingsintensiteit")
        if let since = phaseSince, day < since {
            throw InputError("Die dag ligt vóór het begin van Borgen (\(since.text)).")
        }
        guard let last = borgStep, let lastIndex = borgSteps.lastIndex(of: last) else {
            borgSteps.append(BorgStep(intensity, on: day))
            updated = now
            return .added
        }
        if day > last.date {
            guard intensity != last.intensity else { return .unchanged }
            borgSteps.append(BorgStep(intensity, on: day))
            updated = now
            return .added
        }
        if intensity == last.intensity && day == last.date { return .unchanged }
        let before = borgSteps[..<lastIndex].last { $0.date >= (phaseSince ?? $0.date) }
        if let before, day <= before.date {
            throw InputError("Die dag ligt niet na de intensiteit daarvoor (\(before.intensity.label) sinds \(before.date.text)); de laatste stap verbetert u met een latere dag.")
        }
        // Corrected to the intensity before it, the last step was no change at all: it goes, and
        // the one before stands with its own day.
        if before?.intensity == intensity {
            borgSteps.remove(at: lastIndex)
        } else {
            borgSteps[lastIndex] = BorgStep(intensity, on: day)
        }
        updated = now
        return .corrected
    }

    /// Closes the case with its outcome. The day may lie in the past, not after today and not
    /// before the last phase change. Open actions are cancelled or kept, lopende placements ended
    /// or kept, as chosen; the closure is recorded with how many.
    public mutating func close(_ input: ClosingInput, today: LocalDate, now: Date) throws(InputError) {
        guard phase != .closed else { throw InputError("Dit dossier is al afgesloten.") }
        try checkClosingDay(input.date, today: today)
        let detail = try Youth.validText(input.outcomeDetail, field: "De toelichting bij de uitstroom")
        if input.outcome == .other && detail.isEmpty {
            throw InputError("Bij uitstroom \"anders\" hoort een toelichting: wat werd het?")
        }
        let note = try ChangePlan.validText(input.note)
        var closure = Closure(date: input.date, from: phase, outcome: input.outcome, outcomeDetail: detail, note: note,
                              actions: input.actions, placements: input.placements)
        if input.placements == .ended {
            let running = placements.indices.filter { placements[$0].status == .running }
            if let late = running.first(where: { placements[$0].start > input.date }) {
                throw InputError("De lopende plaatsing bij \(placements[late].workplaceName) begon na de afsluitdatum (\(placements[late].start.text)); kies een latere dag of laat de plaatsingen doorlopen.")
            }
            for index in running {
                placements[index].status = .ended
                placements[index].end = input.date
                placements[index].ending = .caseClosed
            }
            closure.placementsEnded = running.count
        }
        if input.actions == .closedWithCase {
            let open = actions.indices.filter { actions[$0].status == .open }
            for index in open {
                actions[index].status = .cancelled
                actions[index].closedOn = input.date
            }
            closure.actionsClosed = open.count
        }
        closures.append(closure)
        move(to: .closed, on: input.date, now: now)
    }

    /// The day a case can be closed on: not after today, not before the last phase change, and
    /// in Borgen not before the last borg intensity (the history stays in order). The closing
    /// form checks the day with this as soon as it is typed.
    public func checkClosingDay(_ day: LocalDate, today: LocalDate) throws(InputError) {
        _ = try day.notAfter(today, "Een afsluiting")
        if let last = phaseHistory.last, day < last.date {
            throw InputError("De afsluitdatum kan niet vóór de vorige fasewissel liggen (\(last.date.text)).")
        }
        if let step = borgStep, day < step.date {
            throw InputError("De afsluitdatum kan niet vóór de laatste borgingsintensiteit liggen (\(step.intensity.label) sinds \(step.date.text)).")
        }
    }

    /// Reopens a closed case on `day` (not before it was closed, not after today), with a reason:
    /// it returns to the phase it was closed from; the closure stays, marked reopened.
    public mutating func reopen(on day: LocalDate, reason: String, today: LocalDate, now: Date) throws(InputError) {
        guard phase == .closed else { throw InputError("Dit dossier is niet afgesloten.") }
        let why = try Youth.validText(reason, field: "De reden")
        guard !why.isEmpty else { throw InputError("Geef een reden voor het heropenen.") }
        try checkReopeningDay(day, today: today)
        let back = phaseBefore ?? .borg
        reopenings.append(Reopening(date: day, reason: why, phase: back))
        move(to: back, on: day, now: now)
    }

    /// The day a closed case can be reopened on: not after today, not before it was closed.
    public func checkReopeningDay(_ day: LocalDate, today: LocalDate) throws(InputError) {
        _ = try day.notAfter(today, "Een heropening")
        if let closed = closedOn, day < closed {
            throw InputError("Een heropening kan niet vóór de afsluiting liggen (\(closed.text)).")
        }
    }
}
