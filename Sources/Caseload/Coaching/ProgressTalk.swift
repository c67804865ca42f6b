import Foundation

/// How far a basic employee skill has come, as scored in a progress talk: four steps.
public enum SkillLevel: String, StoredCode, Sendable, Comparable {
    case notYet = "notYet"
    case sometimes = "sometimes"
    case mostly = "mostly"
    case always = "always"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .notYet: "nog niet"
        case .sometimes: "soms"
        case .mostly: "meestal"
        case .always: "altijd"
        }
    }

    /// 1 to 4, for comparing and for the grid.
    public var step: Int { (Self.allCases.firstIndex(of: self) ?? 0) + 1 }

    public static func < (a: SkillLevel, b: SkillLevel) -> Bool { a.step < b.step }
}

/// A progress talk (voortgangsgesprek) at the workplace: with whom, for which placement, notes,
/// and a score for each of the ten basic skills (`Catalog.basicSkills`), by skill code.
public struct ProgressTalk: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var date: LocalDate
    public var placementID: String
    /// Who took part at the workplace (the supervisor, a colleague).
    public var withWhom = ""
    public var notes = ""
    public var scores: [String: SkillLevel] = [:]

    public init(date: LocalDate, placementID: String, id: String = UUID().uuidString.lowercased()) {
        self.id = id
        self.date = date
        self.placementID = placementID
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        date = try c.decode(LocalDate.self, forKey: .date)
        placementID = try c.decode(String.self, forKey: .placementID)
        withWhom = try c.value(.withWhom, or: "")
        notes = try c.value(.notes, or: "")
        scores = try c.value(.scores, or: [:])
    }
}

extension Youth {
    /// The progress talks, oldest first (the same day: the one made first first).
    public var talksInOrder: [ProgressTalk] {
        progressTalks.byDay(\.date)
    }

    public var lastTalk: ProgressTalk? { talksInOrder.last }

    /// A new talk for `placementID` on `day`, starting from the scores of the previous talk (of
    /// any placement: the skills are the youth's), so that the coach changes only what moved.
    public func newTalk(placementID: String, on day: LocalDate, id: String = UUID().uuidString.lowercased()) -> ProgressTalk {
        var talk = ProgressTalk(date: day, placementID: placementID, id: id)
        talk.scores = talksInOrder.last { $0.date <= day }?.scores ?? lastTalk?.scores ?? [:]
        return talk
    }
}

extension Youth {
    /// Saves a talk (new or changed); it must belong to a placement of this youth.
    public mutating func save(_ talk: ProgressTalk) throws(InputError) {
        guard placements.contains(where: { $0.id == talk.placementID }) else { throw InputError("Die plaatsing bestaat niet meer.") }
        progressTalks.replaceOrAppend(talk)
    }

    /// Removes a talk recorded by mistake; the draft of its notes (`DraftField.talkNotes`) goes
    /// with it, which the screen asks the store to do.
    public mutating func remove(talkID: String) throws(InputError) {
        guard progressTalks.contains(where: { $0.id == talkID }) else { throw InputError("Dit gesprek bestaat niet meer.") }
        progressTalks.removeAll { $0.id == talkID }
    }

    /// A talk records what was said: any day in the past, not one to come.
    public static func validTalkDate(_ date: LocalDate, today: LocalDate) throws(InputError) -> LocalDate {
        try date.notAfter(today, "Een gesprek")
    }
}
