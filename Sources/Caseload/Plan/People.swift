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

    /// Removes a person; refused while open actions are theirs, so no action loses its owner.
    public mutating func remove(personID: String) throws(InputError) {
        let name = person(personID)?.name ?? "Deze persoon"
        let open = actions.filter { $0.status == .open && $0.owner == .person(personID) }
        guard open.isEmpty else {
            throw InputError("\(name) heeft nog \(open.count) open actie\(open.count == 1 ? "" : "s"); wijs die eerst anders toe.")
        }
        guard !meetings.contains(where: { $0.participants.contains { $0.personID == personID } }) else {
            throw InputError("\(name) staat bij een wrap-around overleg als deelnemer; haal die daar eerst weg.")
        }
        guard !consents.contains(where: { $0.personID == personID }) else {
            throw InputError("Voor \(name) staat toestemming geregistreerd; die blijft bewaard, dus de persoon ook.")
        }
        network.removeAll { $0.id == personID }
        professionals.removeAll { $0.id == personID }
    }

    public mutating func save(_ action: CaseAction) {
        actions.replaceOrAppend(action)
    }
}
