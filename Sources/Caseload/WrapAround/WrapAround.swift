import Foundation

/// What a consent is for: sharing with a person of the case, or taking part in the action
/// research (pseudonymised figures; from schema 9).
public enum ConsentPurpose: String, StoredCode, Sendable {
    case sharing = "sharing"
    case research = "research"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .sharing: "delen"
        case .research: "onderzoek"
        }
    }
}

/// Consent as the young person gave it: to share information with someone (with whom, what), or
/// to take part in the research; from when, and when it was withdrawn.
public struct Consent: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    /// Sharing (the default, and every consent before schema 9) or research.
    public var purpose: ConsentPurpose
    /// A person of the network or the professionals; empty for research.
    public var personID: String
    /// What may be shared, in words ("alles over werk en schulden", "alleen de planning").
    public var what: String
    public var from: LocalDate
    public var withdrawn: LocalDate?
    /// The last day it holds, when the youth gave it for a while (from schema 6); nil: no end.
    public var until: LocalDate?

    public init(personID: String, what: String, from: LocalDate, id: String = UUID().uuidString.lowercased()) throws(InputError) {
        self.id = id
        self.purpose = .sharing
        self.personID = personID
        self.what = try Youth.validName(what, field: "Wat gedeeld mag worden")
        self.from = from
    }

    /// Consent to take part in the research: pseudonymised figures, no person.
    public static func research(from: LocalDate, id: String = UUID().uuidString.lowercased()) -> Consent {
        Consent(id: id, purpose: .research, personID: "", what: Consent.researchWhat, from: from)
    }

    public static let researchWhat = "gepseudonimiseerde gegevens voor het actieonderzoek"

    private init(id: String, purpose: ConsentPurpose, personID: String, what: String, from: LocalDate) {
        self.id = id
        self.purpose = purpose
        self.personID = personID
        self.what = what
        self.from = from
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        purpose = try c.value(.purpose, or: .sharing)
        personID = try c.decode(String.self, forKey: .personID)
        what = try c.value(.what, or: "")
        from = try c.decode(LocalDate.self, forKey: .from)
        withdrawn = try c.decodeIfPresent(LocalDate.self, forKey: .withdrawn)
        until = try c.decodeIfPresent(LocalDate.self, forKey: .until)
    }

    /// In force on `day`: given on or before it, not withdrawn by then, and not past its end date.
    public func isActive(on day: LocalDate) -> Bool {
        from <= day && (withdrawn.map { day < $0 } ?? true) && (until.map { day <= $0 } ?? true)
    }

    /// The day it stops holding: the withdrawal, or the day after its end date; nil when open-ended.
    public var ends: LocalDate? {
        [withdrawn, until.map { $0.adding(days: 1) }].compactMap { $0 }.min()
    }
}

/// Someone invited to a meeting, and whether they came (unknown until recorded).
public struct Participant: Codable, Equatable, Sendable {
    public var personID: String
    public var attended: Bool?

    public init(personID: String, attended: Bool? = nil) {
        self.personID = personID
        self.attended = attended
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        personID = try c.decode(String.self, forKey: .personID)
        attended = try c.decodeIfPresent(Bool.self, forKey: .attended)
    }
}

/// One point of the agenda, with the notes taken on it.
public struct AgendaItem: Codable, Equatable, Sendable, Identifiable {
    /// Where the item came from. Stored as `{"kind": "goal"}` (also "mattersMost", "strategy",
    /// "free") or `{"kind": "action", "actionID": "…"}`.
    public enum Source: Codable, Equatable, Sendable {
        case goal, mattersMost, strategy
        case action(String)
        case free

        public init(from decoder: Decoder) throws {
            let tagged = try TaggedValue.decode(from: decoder, idKey: "actionID")
            switch tagged.kind {
            case "goal": self = .goal
            case "mattersMost": self = .mattersMost
            case "strategy": self = .strategy
            case "free": self = .free
            case "action": self = .action(try tagged.requiredID(decoder, idKey: "actionID"))
            default: throw tagged.unknown(decoder)
            }
        }

        public func encode(to encoder: Encoder) throws {
            let tagged: TaggedValue = switch self {
            case .goal: TaggedValue(kind: "goal")
            case .mattersMost: TaggedValue(kind: "mattersMost")
            case .strategy: TaggedValue(kind: "strategy")
            case .free: TaggedValue(kind: "free")
            case .action(let id): TaggedValue(kind: "action", id: id)
            }
            try tagged.encode(to: encoder, idKey: "actionID")
        }
    }

    public var id: String
    public var title: String
    public var source: Source
    public var notes: String

    public init(title: String, source: Source, id: String = UUID().uuidString.lowercased()) {
        self.id = id
        self.title = title
        self.source = source
        notes = ""
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.value(.title, or: "")
        source = try c.value(.source, or: .free)
        notes = try c.value(.notes, or: "")
    }
}

/// What the meeting agreed, in the order the method names it. The agreed actions are the
/// plan's own actions, marked with this meeting's id.
public struct MeetingAgreements: Codable, Equatable, Sendable {
    public var goals = ""
    /// Each participant's role and contribution, by person id.
    public var roles: [String: String] = [:]
    /// How people keep each other informed.
    public var informing = ""
    /// When they meet again.
    public var nextMeeting: LocalDate?
    /// Dissolving conditions and reasons for a new meeting.
    public var dissolvingConditions = ""

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        goals = try c.value(.goals, or: "")
        roles = try c.value(.roles, or: [:])
        informing = try c.value(.informing, or: "")
        nextMeeting = try c.decodeIfPresent(LocalDate.self, forKey: .nextMeeting)
        dissolvingConditions = try c.value(.dissolvingConditions, or: "")
    }
}

/// A wrap-around meeting: the plan discussed with professionals and the youth's network, chaired
/// by the coach.
public struct WrapAroundMeeting: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var date: LocalDate
    /// "hh:mm", or empty while not set.
    public var time: String
    public var place: String
    public var chair: String
    public var participants: [Participant]
    public var agenda: [AgendaItem]
    public var agreements: MeetingAgreements

    public init(date: LocalDate, chair: String = "coach", id: String = UUID().uuidString.lowercased()) {
        self.id = id
        self.date = date
        time = ""
        place = ""
        self.chair = chair
        participants = []
        agenda = []
        agreements = MeetingAgreements()
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        date = try c.decode(LocalDate.self, forKey: .date)
        time = try c.value(.time, or: "")
        place = try c.value(.place, or: "")
        chair = try c.value(.chair, or: "")
        participants = try c.value(.participants, or: [])
        agenda = try c.value(.agenda, or: [])
        agreements = try c.value(.agreements, or: MeetingAgreements())
    }

    /// A time as typed: "9:30" or "09:30" becomes "09:30"; empty clears it.
    public static func validTime(_ input: String) throws(InputError) -> String {
        let text = input.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return "" }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), parts[1].count == 2,
              (0...23).contains(hour), (0...59).contains(minute) else {
            throw InputError("Typ de tijd als uu:mm, bijvoorbeeld 14:30.")
        }
        return String(format: "%02d:%02d", hour, minute)
    }

    /// An agenda drafted from the plan: the goal, what matters most, the strategy, and every
    /// open action. The coach adds free items and changes the order.
    public static func draftAgenda(plan: ChangePlan, actions: [CaseAction], ownerName: (ActionOwner) -> String) -> [AgendaItem] {
        var items: [AgendaItem] = []
        func firstLine(_ text: String) -> String { text.split(separator: "\n").first.map(String.init) ?? "" }
        // A title drawn from a long text is a line, shortened with "…": the text itself stays where it is.
        func item(_ title: String, _ source: AgendaItem.Source) -> AgendaItem {
            AgendaItem(title: TextLimits.exceeds(title, TextLimits.line) ? String(title.prefix(TextLimits.line - 1)) + "…" : title, source: source)
        }
        items.append(item("Doel: " + (plan.goal.isEmpty ? "(nog niet in het plan)" : firstLine(plan.goal)), .goal))
        if !plan.mattersMost.isEmpty {
            items.append(item("Belangrijkst om verder te komen: " + firstLine(plan.mattersMost), .mattersMost))
        }
        items.append(item("Hoofdstrategie: " + (plan.strategy?.label ?? "nog te kiezen"), .strategy))
        for action in actions where action.status == .open {
            var title = "Actie: \(action.what) (\(ownerName(action.owner))"
            if let due = action.due { title += ", vóór \(due.text)" }
            items.append(item(title + ")", .action(action.id)))
        }
        return items
    }

    /// Moves the agenda item at `index` one place up (-1) or down (+1). Returns its new index.
    @discardableResult
    public mutating func moveAgendaItem(at index: Int, by offset: Int) -> Int {
        let target = index + offset
        guard agenda.indices.contains(index), agenda.indices.contains(target) else { return index }
        agenda.swapAt(index, target)
        return target
    }
}

extension Youth {
    /// Participants of `meeting` with no consent in force on its date: the meeting warns.
    public func participantsWithoutConsent(_ meeting: WrapAroundMeeting) -> [Person] {
        meeting.participants.compactMap { person($0.personID) }.filter { person in
            !consents.contains { $0.personID == person.id && $0.isActive(on: meeting.date) }
        }
    }

    /// Meetings by date, the latest last.
    public var meetingsInOrder: [WrapAroundMeeting] { meetings.sorted { $0.date < $1.date } }

    public mutating func save(_ meeting: WrapAroundMeeting) {
        meetings.replaceOrAppend(meeting)
    }

    public mutating func save(_ consent: Consent) {
        consents.replaceOrAppend(consent)
    }

    /// Removes an agenda item, with its notes. Nothing refers to an item but the draft of its
    /// notes (`DraftField.agendaNotes`), which the screen asks the store to drop.
    public mutating func remove(agendaItemID: String, fromMeeting meetingID: String) throws(InputError) {
        guard let m = meetings.firstIndex(where: { $0.id == meetingID }),
              meetings[m].agenda.contains(where: { $0.id == agendaItemID }) else {
            throw InputError("Dit agendapunt bestaat niet meer.")
        }
        meetings[m].agenda.removeAll { $0.id == agendaItemID }
    }

    /// The actions agreed in `meeting`.
    public func actions(agreedIn meeting: WrapAroundMeeting) -> [CaseAction] {
        actionsInOrder.filter { $0.meetingID == meeting.id }
    }
}

extension Youth {
    /// Whether the youth takes part in the research on `day`: a research consent in force.
    public func hasResearchConsent(on day: LocalDate) -> Bool {
        consents.contains { $0.purpose == .research && $0.isActive(on: day) }
    }
}
