import Foundation

/// How the coach tried to reach a young person who is not yet in the programme.
public enum AttemptChannel: String, StoredCode, Sendable {
    case visit = "visit"
    case street = "street"
    case phone = "phone"
    case message = "message"
    case introduction = "introduction"
    case other = "other"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .visit: "Langs geweest (huis)"
        case .street: "Op straat of op de vindplaats"
        case .phone: "Gebeld"
        case .message: "WhatsApp of ander bericht"
        case .introduction: "Via iemand die introduceerde"
        case .other: "Anders"
        }
    }
}

/// What a contact attempt gave.
public enum AttemptOutcome: String, StoredCode, Sendable {
    case notReached = "notReached", spoke = "spoke", appointment = "appointment", declined = "declined"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .notReached: "Niet bereikt"
        case .spoke: "Gesproken"
        case .appointment: "Afspraak gemaakt"
        case .declined: "Wil (nog) niet"
        }
    }
}

/// One attempt to reach a youth in the scout phase.
public struct ScoutAttempt: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var date: LocalDate
    public var channel: AttemptChannel
    public var outcome: AttemptOutcome
    /// Who made the introduction (a youth worker, a cousin), in words; may be empty.
    public var introducedBy: String
    public var note: String

    public init(date: LocalDate, channel: AttemptChannel, outcome: AttemptOutcome = .notReached,
                id: String = UUID().uuidString.lowercased()) {
        self.id = id
        self.date = date
        self.channel = channel
        self.outcome = outcome
        introducedBy = ""
        note = ""
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        date = try c.decode(LocalDate.self, forKey: .date)
        channel = try c.value(.channel, or: .other)
        outcome = try c.value(.outcome, or: .notReached)
        introducedBy = try c.value(.introducedBy, or: "")
        note = try c.value(.note, or: "")
    }
}

extension Youth {
    /// Attempts by date, the latest last.
    public var scoutAttemptsInOrder: [ScoutAttempt] {
        scoutAttempts.byDay(\.date)
    }

    public mutating func save(_ attempt: ScoutAttempt) {
        scoutAttempts.replaceOrAppend(attempt)
    }

    /// Removes a contact attempt recorded by mistake. Nothing refers to an attempt; the agreement
    /// is recorded apart from them and stays.
    public mutating func remove(scoutAttemptID: String) throws(InputError) {
        guard scoutAttempts.contains(where: { $0.id == scoutAttemptID }) else { throw InputError("Deze contactpoging bestaat niet meer.") }
        scoutAttempts.removeAll { $0.id == scoutAttemptID }
    }

    /// The youth agreed to take part on `day`: recorded, and a youth still in scout moves to the
    /// quick scan on that day (the scout phase ends with the agreement). Not in the future, not
    /// before the case started or the phase's last change.
    public mutating func recordAgreement(on day: LocalDate, today: LocalDate, now: Date) throws(InputError) {
        _ = try day.notAfter(today, "Het akkoord")
        if let started, day < started { throw InputError("Het akkoord kan niet vóór de start van het dossier liggen (\(started.text)).") }
        if phase == .scout {
            try move(to: .quickScan, on: day, today: today, now: now)
        }
        agreedOn = day
        updated = now
    }

    /// Takes a recorded agreement back (typed on the wrong youth); the phase stays as it is.
    public mutating func clearAgreement(now: Date) {
        agreedOn = nil
        updated = now
    }

    /// Days in the scout phase: until the agreement, or until today while still in scout. Never
    /// negative, whatever dates a file holds (a start after today counts as 0).
    public func daysInScout(today: LocalDate) -> Int? {
        guard let start = started else { return nil }
        if phase == .scout { return max(0, start.days(until: today)) }
        let end = agreedOn ?? phaseHistory.first { $0.from == .scout }?.date
        return end.map { max(0, start.days(until: $0)) }
    }
}
