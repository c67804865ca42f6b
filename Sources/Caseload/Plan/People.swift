import Foundation

/// Someone around the young person: from their social network (family, friends, key figures)
/// or a professional (jobhunter, debt counsellor, wijkagent, school mentor, ...).
public struct Person: Codable, Equatable, Sendable, Identifiable {
    public enum Kind: String, StoredCode, Sendable {
        case network = "network", professional = "professional"

        public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

        public var label: String { self == .network ? "Netwerk" : "Professional" }
    }

    public var id: String
    public var kind: Kind
    public var name: String
    /// For the network: the relation (moeder, vriend, trainer); for a professional: the organisation.
    public var relation: String
    public var role: String
    public var contact: String
    /// What this person contributes.
    public var contributes: String

    public init(kind: Kind, name: String, id: String = UUID().uuidString.lowercased()) throws(InputError) {
        self.id = id
        self.kind = kind
        self.name = try Youth.validName(name)
        relation = ""
        role = ""
        contact = ""
        contributes = ""
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(Kind.self, forKey: .kind)
        name = try c.decode(String.self, forKey: .name)
        relation = try c.value(.relation, or: "")
        role = try c.value(.role, or: "")
        contact = try c.value(.contact, or: "")
        contributes = try c.value(.contributes, or: "")
    }
}

/// Who carries out an action. Stored as `{"kind": "youth"}`, `{"kind": "coach"}` or
/// `{"kind": "person", "personID": "…"}`.
public enum ActionOwner: Codable, Equatable, Hashable, Sendable {
    case youth, coach
    case person(String)

    public init(from decoder: Decoder) throws {
        let tagged = try TaggedValue.decode(from: decoder, idKey: "personID")
        switch tagged.kind {
        case "youth": self = .youth
        case "coach": self = .coach
        case "person": self = .person(try tagged.requiredID(decoder, idKey: "personID"))
        default: throw tagged.unknown(decoder)
        }
    }

    public func encode(to encoder: Encoder) throws {
        let tagged: TaggedValue = switch self {
        case .youth: TaggedValue(kind: "youth")
        case .coach: TaggedValue(kind: "coach")
        case .person(let id): TaggedValue(kind: "person", id: id)
        }
        try tagged.encode(to: encoder, idKey: "personID")
    }
}

/// Where an action stands.
public enum ActionStatus: String, StoredCode, Sendable {
    case open = "open", done = "done", cancelled = "cancelled"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .open: "open"
        case .done: "gedaan"
        case .cancelled: "vervallen"
        }
    }
}

/// An action of the plan (actie): what, who, by when, and whether it happened.
public struct CaseAction: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var what: String
    public var owner: ActionOwner
    public var due: LocalDate?
    public var status: ActionStatus
    public var created: LocalDate
    /// The day it was marked done or cancelled.
    public var closedOn: LocalDate?
    /// The wrap-around meeting where it was agreed, if any.
    public var meetingID: String?

    public init(what: String, owner: ActionOwner, due: LocalDate?, created: LocalDate, meetingID: String? = nil,
                id: String = UUID().uuidString.lowercased()) throws(InputError) {
        self.meetingID = meetingID
        self.id = id
        self.what = try Youth.validName(what, field: "Wat er moet gebeuren")
        self.owner = owner
        self.due = due
        status = .open
        self.created = created
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        what = try c.decode(String.self, forKey: .what)
        owner = try c.value(.owner, or: .coach)
        due = try c.decodeIfPresent(LocalDate.self, forKey: .due)
        status = try c.value(.status, or: .open)
        created = try c.decode(LocalDate.self, forKey: .created)
        closedOn = try c.decodeIfPresent(LocalDate.self, forKey: .closedOn)
        meetingID = try c.decodeIfPresent(String.self, forKey: .meetingID)
    }

    public func isOverdue(on today: LocalDate) -> Bool {
        status == .open && (due.map { $0 < today } ?? false)
    }

    public mutating func setStatus(_ status: ActionStatus, on today: LocalDate) {
        guard status != self.status else { return }
        self.status = status
        closedOn = status == .open ? nil : today
    }

    /// Done or cancelled on `day`, recorded afterwards if need be: any day up to today (also
    /// before the action was entered: it may have been written down late). `.open` opens it again.
    public mutating func close(as status: ActionStatus, on day: LocalDate, today: LocalDate) throws(InputError) {
        if status != .open, day > today {
            throw InputError("Een actie kan niet in de toekomst \(status.label) zijn (vandaag is \(today.text)).")
        }
        self.status = status
        closedOn = status == .open ? nil : day
    }
}

extension Youth {
    public var people: [Person] { network + professionals }

    public func person(_ id: String) -> Person? { people.first { $0.id == id } }

    /// Who an action belongs to, in words.
    public func ownerName(_ owner: ActionOwner) -> String {
        switch owner {
        case .youth: name
        case .coach: "coach"
        case .person(let id): person(id)?.name ?? "(onbekend)"
        }
    }

    /// Open actions, the ones due soonest first (no date last), then the rest by status.
    public var actionsInOrder: [CaseAction] {
        actions.enumerated().sorted { a, b in
            let left = a.element, right = b.element
            if (left.status == .open) != (right.status == .open) { return left.status == .open }
            switch (left.due, right.due) {
            case let (l?, r?) where l != r: return l < r
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// The open action due first: the one the caseload list shows.
    public var nextAction: CaseAction? { actionsInOrder.first { $0.status == .open } }

    /// Adds or replaces a person of the network or the professionals.
    public mutating func save(_ person: Person) {
        var list = person.kind == .network ? network : professionals
        list.replaceOrAppend(person)
        if person.kind == .network { network = list } else { professionals = list }
    }

    /// Removes a person added by mistake. Refused while a record names them, so that no record
    /// loses who it was about: an action of theirs (open: reassign it; done or cancelled: the
    /// history says who did it), a meeting they take part in, a consent (withdrawn, never
    /// deleted). A role left in the agreements of a meeting they no longer take part in goes.
    public mutating func remove(personID: String) throws(InputError) {
        guard person(personID) != nil else { throw InputError("Deze persoon bestaat niet meer.") }
        let theirs = actions.filter { $0.owner == .person(personID) }
        let open = theirs.filter { $0.status == .open }.count
        if open > 0 {
            throw InputError("Deze persoon heeft nog \(open) open actie\(open == 1 ? "" : "s"); wijs die eerst iemand anders toe.")
        }
        if !theirs.isEmpty {
            throw InputError("Deze persoon staat bij \(theirs.count) afgeronde actie\(theirs.count == 1 ? "" : "s") als uitvoerder en blijft "
                + "daarom bewaard; was dat een vergissing, wijs die dan eerst iemand anders toe.")
        }
        if let meeting = meetingsInOrder.first(where: { $0.participants.contains { $0.personID == personID } }) {
            throw InputError("Deze persoon staat als deelnemer bij het overleg van \(meeting.date.text); haal die daar eerst weg.")
        }
        if consents.contains(where: { $0.personID == personID }) {
            throw InputError("Voor deze persoon staat toestemming in het register; toestemming wordt ingetrokken, niet verwijderd, dus de persoon blijft.")
        }
        network.removeAll { $0.id == personID }
        professionals.removeAll { $0.id == personID }
        for index in meetings.indices { meetings[index].agreements.roles[personID] = nil }
    }

    /// Removes an action made by mistake. Refused for one agreed in a meeting held before today:
    /// the minutes name it, so it is cancelled instead. Agreed in a meeting of today or later, it
    /// leaves that meeting's agreements with it. Agenda items drafted from it keep their title and
    /// notes, as the meeting's own items.
    public mutating func remove(actionID: String, today: LocalDate) throws(InputError) {
        guard let action = actions.first(where: { $0.id == actionID }) else { throw InputError("Deze actie bestaat niet meer.") }
        if let meeting = meetings.first(where: { $0.id == action.meetingID }), meeting.date < today {
            throw InputError("Deze actie is afgesproken in het overleg van \(meeting.date.text) en staat in het verslag; "
                + "laat haar vervallen in plaats van haar te verwijderen.")
        }
        actions.removeAll { $0.id == actionID }
        for m in meetings.indices {
            for a in meetings[m].agenda.indices where meetings[m].agenda[a].source == .action(actionID) {
                meetings[m].agenda[a].source = .free
            }
        }
    }

    public mutating func save(_ action: CaseAction) {
        actions.replaceOrAppend(action)
    }
}
