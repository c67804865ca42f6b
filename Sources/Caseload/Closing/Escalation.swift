import Foundation

/// Which IPTA-overleg a case is put before.
public enum EscalationLevel: String, StoredCode, Sendable {
    case municipal = "municipal"
    case national = "national"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .municipal: "gemeentelijk IPTA-overleg"
        case .national: "landelijk IPTA-overleg"
        }
    }

    /// For a column: "gemeentelijk" or "landelijk".
    public var short: String {
        switch self {
        case .municipal: "gemeentelijk"
        case .national: "landelijk"
        }
    }
}

/// What blocks the case, so that it needs the overleg.
public enum EscalationBlock: String, StoredCode, Sendable {
    case municipalPolicy = "municipalPolicy"
    case lawOrRegulation = "lawOrRegulation"
    case breakthrough = "breakthrough"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .municipalPolicy: "gemeentelijk beleid"
        case .lawOrRegulation: "wet- of regelgeving"
        case .breakthrough: "een nodige doorbraak"
        }
    }
}

/// A case put on the agenda of the gemeentelijk or landelijk IPTA-overleg (escalatie): the
/// question, what blocks, the day it was raised, and the answer with its day when it came.
public struct Escalation: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var level: EscalationLevel
    public var question: String
    public var block: EscalationBlock
    /// Which policy, law or breakthrough, in words.
    public var blockDetail: String
    public var raisedOn: LocalDate
    public var answer: String
    public var answeredOn: LocalDate?

    public init(level: EscalationLevel, question: String, block: EscalationBlock, blockDetail: String = "", raisedOn: LocalDate,
                id: String = UUID().uuidString.lowercased()) {
        self.id = id
        self.level = level
        self.question = question
        self.block = block
        self.blockDetail = blockDetail
        self.raisedOn = raisedOn
        answer = ""
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        level = try c.decode(EscalationLevel.self, forKey: .level)
        question = try c.value(.question, or: "")
        block = try c.decode(EscalationBlock.self, forKey: .block)
        blockDetail = try c.value(.blockDetail, or: "")
        raisedOn = try c.decode(LocalDate.self, forKey: .raisedOn)
        answer = try c.value(.answer, or: "")
        answeredOn = try c.decodeIfPresent(LocalDate.self, forKey: .answeredOn)
    }

    /// Open until the answer's day is recorded.
    public var isOpen: Bool { answeredOn == nil }

    /// Whole weeks open on `today` (0 for a day raised in the future).
    public func weeksOpen(today: LocalDate) -> Int { Self.weeksOpen(since: raisedOn, today: today) }

    /// Open, and for more than `weeks` whole weeks: the weekly review flags it, the lists mark it.
    public func waitsTooLong(weeks: Int, today: LocalDate) -> Bool { isOpen && weeksOpen(today: today) > weeks }

    /// Whole weeks from `raisedOn` to `today` (0 for a day in the future); also for a summary's open escalation.
    public static func weeksOpen(since raisedOn: LocalDate, today: LocalDate) -> Int { max(0, raisedOn.days(until: today)) / 7 }
}

extension Youth {
    /// The escalations, oldest raised first.
    public var escalationsInOrder: [Escalation] { escalations.byDay(\.raisedOn) }

    /// The open escalations, oldest first.
    public var openEscalations: [Escalation] { escalationsInOrder.filter(\.isOpen) }

    /// Saves an escalation (new or changed): a question is required, the day raised lies not
    /// before the case started nor after today, the answer's day not before it was raised nor after today.
    public mutating func save(_ escalation: Escalation, today: LocalDate) throws(InputError) {
        try Self.check(escalation, today: today, started: started)
        escalations.replaceOrAppend(escalation)
    }

    /// Removes an escalation entered by mistake.
    public mutating func remove(escalationID: String) throws(InputError) {
        guard escalations.contains(where: { $0.id == escalationID }) else { throw InputError("Deze escalatie bestaat niet meer.") }
        escalations.removeAll { $0.id == escalationID }
    }

    static func check(_ escalation: Escalation, today: LocalDate, started: LocalDate?) throws(InputError) {
        guard !escalation.question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw InputError("De vraag aan het overleg is verplicht.")
        }
        try escalation.checkDays(today: today, started: started)
    }
}

extension Escalation {
    /// The rules for its days alone (a new escalation in a form is checked so before it has its
    /// question): raised not before the case `started` nor after today, answered not before it was
    /// raised (nor the case started) nor after today.
    public func checkDays(today: LocalDate, started: LocalDate?) throws(InputError) {
        _ = try raisedOn.notAfter(today, "Een escalatie")
        if let started {
            for (day, what) in [(raisedOn, "De vraag"), (answeredOn, "Het antwoord")] where day.map({ $0 < started }) == true {
                throw InputError("\(what) kan niet vóór de start van het dossier liggen (\(started.text)).")
            }
        }
        if let answeredOn {
            _ = try answeredOn.notAfter(today, "Een antwoord")
            if answeredOn < raisedOn {
                throw InputError("Het antwoord kan niet vóór de dag van de vraag liggen (\(raisedOn.text)).")
            }
        }
    }
}
