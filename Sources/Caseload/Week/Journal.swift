import Foundation

/// How a contact with the young person took place. A failed attempt is recorded too (the coach
/// went by, nobody opened) but is not a contact: it never counts for "laatste contact".
public enum ContactKind: String, StoredCode, Sendable {
    case atHome = "atHome"
    case onTheStreet = "onTheStreet"
    case atSchoolOrWork = "atSchoolOrWork"
    case phone = "phone"
    case message = "message"
    case withNetwork = "withNetwork"
    case withProfessional = "withProfessional"
    case failedAttempt = "failedAttempt"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .atHome: "Face to face thuis"
        case .onTheStreet: "Face to face op straat"
        case .atSchoolOrWork: "Face to face op school of werk"
        case .phone: "Telefoon"
        case .message: "WhatsApp of ander bericht"
        case .withNetwork: "Met het netwerk"
        case .withProfessional: "Met een professional"
        case .failedAttempt: "Mislukte poging"
        }
    }

    /// One word, for a column.
    public var short: String {
        switch self {
        case .atHome: "thuis"
        case .onTheStreet: "straat"
        case .atSchoolOrWork: "school/werk"
        case .phone: "tel"
        case .message: "bericht"
        case .withNetwork: "netwerk"
        case .withProfessional: "professional"
        case .failedAttempt: "mislukt"
        }
    }

    /// A real contact: everything but a failed attempt.
    public var isContact: Bool { self != .failedAttempt }
}

extension AttemptOutcome {
    /// A scout attempt that reached the youth is a contact (spoken, an appointment made, or even a
    /// "not yet"): it counts for the days since contact. Only "not reached" is a failed attempt.
    public var isContact: Bool { self != .notReached }
}

/// The six working principles (werkzame principes) of the method; a contact is tagged with the
/// ones it put into practice.
public enum WorkingPrinciple: String, StoredCode, Sendable {
    case normalise = "normalise"
    case attention = "attention"
    case chances = "chances"
    case structure = "structure"
    case skills = "skills"
    case dreams = "dreams"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .normalise: "Normaliseren"
        case .attention: "Aandacht geven"
        case .chances: "Kansen creëren en faciliteren"
        case .structure: "Overnemen en structuur bieden"
        case .skills: "(Sociale) vaardigheden aanleren"
        case .dreams: "Aansluiten bij dromen en talenten"
        }
    }

    /// One word, for a list.
    public var short: String {
        switch self {
        case .normalise: "normaal"
        case .attention: "aandacht"
        case .chances: "kansen"
        case .structure: "structuur"
        case .skills: "vaardig"
        case .dreams: "dromen"
        }
    }
}

/// One entry of the contact journal: a dated contact (or failed attempt) with the youth.
public struct JournalEntry: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var date: LocalDate
    public var kind: ContactKind
    /// Minutes, or nil when not noted.
    public var minutes: Int?
    /// Who was there besides coach and youth, in words.
    public var present: String
    /// What happened; may hold line breaks.
    public var text: String
    /// The principles this contact put into practice, in the order of the method.
    public var principles: [WorkingPrinciple]

    public static let longest = 24 * 60

    public init(date: LocalDate, kind: ContactKind, id: String = UUID().uuidString.lowercased()) {
        self.id = id
        self.date = date
        self.kind = kind
        minutes = nil
        present = ""
        text = ""
        principles = []
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        date = try c.decode(LocalDate.self, forKey: .date)
        kind = try c.value(.kind, or: .phone)
        minutes = try c.decodeIfPresent(Int.self, forKey: .minutes)
        present = try c.value(.present, or: "")
        text = try c.value(.text, or: "")
        principles = try c.value(.principles, or: [])
    }

    /// Switches one principle on or off, keeping the method's order.
    public mutating func toggle(_ principle: WorkingPrinciple) {
        let chosen = Set(principles).symmetricDifference([principle])
        principles = WorkingPrinciple.allCases.filter(chosen.contains)
    }

    /// A duration as typed: minutes ("45"), or hours and minutes ("1:30"); empty clears it.
    public static func validMinutes(_ input: String) throws(InputError) -> Int? {
        let text = input.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        // Digits only, and few of them: "99999999999:00" must be refused, not overflow.
        let numbers = parts.map { part in part.count <= 6 && part.allSatisfy { $0.isASCII && $0.isNumber } ? Int(part) : nil }
        let minutes: Int?
        switch (numbers.count, numbers.first ?? nil, numbers.last ?? nil) {
        case (1, let value?, _): minutes = value
        case (2, let hours?, let rest?) where parts[1].count == 2 && rest < 60: minutes = hours * 60 + rest
        default: minutes = nil
        }
        guard let minutes, (1...longest).contains(minutes) else {
            throw InputError("Typ de duur in minuten (45) of als uu:mm (1:30), hoogstens 24 uur.")
        }
        return minutes
    }

    /// "45 min", "1 u 30".
    public static func durationText(_ minutes: Int?) -> String {
        guard let minutes else { return "" }
        if minutes < 60 { return "\(minutes) min" }
        return minutes % 60 == 0 ? "\(minutes / 60) u" : "\(minutes / 60) u \(String(format: "%02d", minutes % 60))"
    }
}

extension Youth {
    /// The journal, newest first (later recorded first within a day).
    public var journalNewestFirst: [JournalEntry] {
        journal.byDay(\.date, newestFirst: true)
    }

    /// The day of the latest real contact: a contact in the journal, a scout attempt that reached
    /// the youth, or the agreement to take part. Failed attempts (in the journal or in scout) do
    /// not count.
    public var lastContact: LocalDate? {
        let journalled = journal.filter(\.kind.isContact).map(\.date)
        let scouted = scoutAttempts.filter(\.outcome.isContact).map(\.date)
        return (journalled + scouted + [agreedOn].compactMap { $0 }).max()
    }

    public mutating func save(_ entry: JournalEntry) {
        journal.replaceOrAppend(entry)
    }

    /// Removes a contact noted by mistake. Nothing else refers to an entry; the draft of its
    /// report (`DraftField.journal`) goes with it, which the screen asks the store to do.
    public mutating func remove(journalEntryID: String) throws(InputError) {
        guard journal.contains(where: { $0.id == journalEntryID }) else { throw InputError("Dit contact bestaat niet meer.") }
        journal.removeAll { $0.id == journalEntryID }
    }

    /// A contact cannot lie in the future: the journal records what happened.
    public static func validContactDate(_ date: LocalDate, today: LocalDate) throws(InputError) -> LocalDate {
        try date.notAfter(today, "Een contact")
    }
}
